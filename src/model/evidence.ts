/**
 * The evidence base: seeds/sources.yaml and seeds/facts.yaml, loaded once and validated. Model
 * parameters, rules, actions and scenarios cite these IDs; `brink explain` resolves them.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { compiledCopy } from '../io/shipped-yaml.ts';

export const SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seeds');

export const FACT_KINDS = [
  'discrepancy',
  'artefact',
  'timeline',
  'actor',
  'relationship',
  'control',
  'figure',
  'derived',
  'rule',
  'objective',
  'question',
] as const;

export const FactSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{1,2}(-[A-Z]{3})?-\d{2}$/),
    kind: z.enum(FACT_KINDS),
    title: z.string().min(1).max(80),
    text: z.string().min(1),
    figures: z.record(z.string(), z.number()).optional(),
    date: z.string().optional(),
    sources: z.array(z.string()).default([]),
    discrepancies: z.array(z.string()).optional(),
    related: z.array(z.string()).optional(),
    inferred: z.boolean().optional(),
  })
  .strict();
export type Fact = z.infer<typeof FactSchema>;

export const SourceSchema = z
  .object({
    id: z.string().regex(/^S-\d{3}$/),
    file: z.string(),
    tag: z.string(),
    outlet: z.string(),
    date: z.string(),
    cluster: z.string(),
    reliability: z.enum(['high', 'medium', 'low']),
    summary: z.string(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export interface Evidence {
  readonly facts: ReadonlyMap<string, Fact>;
  readonly sources: readonly Source[];
}

/** An evidence file's data: the build's copy when made from exactly this text (src/io/shipped-yaml.ts). */
function readEvidenceFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return compiledCopy(path, text) ?? parse(text);
}

let cached: Evidence | undefined;

export function loadEvidence(dir = SEEDS_DIR): Evidence {
  if (cached && dir === SEEDS_DIR) return cached;
  const factsDoc = z
    .object({ schema: z.literal('brink.facts/1'), facts: z.array(FactSchema) })
    .parse(readEvidenceFile(resolve(dir, 'facts.yaml')));
  const sourcesDoc = z
    .object({ schema: z.literal('brink.sources/1'), sources: z.array(SourceSchema) })
    .parse(readEvidenceFile(resolve(dir, 'sources.yaml')));
  const facts = new Map<string, Fact>();
  for (const f of factsDoc.facts) {
    if (facts.has(f.id)) throw new Error(`seeds/facts.yaml: duplicate ID ${f.id}`);
    facts.set(f.id, f);
  }
  const evidence = { facts, sources: sourcesDoc.sources };
  if (dir === SEEDS_DIR) cached = evidence;
  return evidence;
}

export function factById(id: string): Fact | undefined {
  return loadEvidence().facts.get(id);
}
