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

export type FactKind = (typeof FACT_KINDS)[number];

/** The shape of an evidence ID (F-01, R-IRN-05, TA-03): seeds/facts.yaml's, and what scenarios and the record cite. */
export const FACT_ID_PATTERN = /^[A-Z]{1,2}(-[A-Z]{3})?-\d{2}$/;

/**
 * An ID's kind, from its prefix (T-09 an event of the timeline, R-SYS-04 a rule, O-USA-01 an objective);
 * undefined for a prefix no evidence uses. seeds/facts.yaml states each fact's kind too, and loading it
 * checks the two agree, so whatever labels an ID by this function labels it as the evidence does.
 */
export function kindOfId(id: string): FactKind | undefined {
  const prefix = /^([A-Z]{1,2})-/.exec(id)?.[1];
  return prefix !== undefined && Object.hasOwn(ID_PREFIX_KINDS, prefix) ? ID_PREFIX_KINDS[prefix] : undefined;
}

const ID_PREFIX_KINDS: Readonly<Record<string, FactKind>> = {
  A: 'actor',
  C: 'control',
  D: 'discrepancy',
  E: 'relationship',
  F: 'figure',
  O: 'objective',
  P: 'derived',
  Q: 'question',
  R: 'rule',
  T: 'timeline',
  TA: 'artefact',
};

/** What each kind is called in a label ("rule R-SYS-04", "Objective O-USA-01"). */
const KIND_NAMES: Readonly<Record<FactKind, string>> = {
  discrepancy: 'discrepancy',
  artefact: 'artefact',
  timeline: 'event',
  actor: 'actor',
  relationship: 'relationship',
  control: 'control',
  figure: 'figure',
  derived: 'derived figure',
  rule: 'rule',
  objective: 'objective',
  question: 'open question',
};

/** What a kind is called where an ID is labelled: `brink explain`'s pages, the debrief's chains of causes. */
export function kindName(kind: FactKind): string {
  return KIND_NAMES[kind];
}

/** An ID labelled by its kind: "rule R-SYS-04", "event T-09"; a bare ID when its prefix names no kind. */
export function idLabel(id: string): string {
  const kind = kindOfId(id);
  return kind ? `${KIND_NAMES[kind]} ${id}` : id;
}

export const FactSchema = z
  .object({
    id: z.string().regex(FACT_ID_PATTERN),
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
    if (kindOfId(f.id) !== f.kind) throw new Error(`seeds/facts.yaml: ${f.id} is of kind ${f.kind}, but its prefix says ${kindOfId(f.id)}`);
    facts.set(f.id, f);
  }
  const evidence = { facts, sources: sourcesDoc.sources };
  if (dir === SEEDS_DIR) cached = evidence;
  return evidence;
}

export function factById(id: string): Fact | undefined {
  return loadEvidence().facts.get(id);
}
