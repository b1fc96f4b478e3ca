/**
 * JSON Schemas of every output format, generated from the zod contracts (zod's own toJSONSchema), so
 * the published schemas cannot drift from what the code checks. `npm run schemas` writes them to
 * schemas/ (shipped in the package); a test fails when the files differ from what this generates.
 * Refinements zod cannot express in JSON Schema (ordered percentiles, one series point per turn) are
 * checked by the zod contracts only.
 */
import { z } from 'zod';
import { SensitivitySchema } from '../analysis/sensitivity/contract.ts';
import { BatchSchema, CompareSchema, GameRecordSchema, SweepSchema } from '../batch/contract.ts';
import { SaveSchema } from '../engine/save.ts';
import { RunSchema } from './run.ts';

const SCHEMA_BASE = 'https://brink.invalid/schemas/';

/** file name → [format, zod contract, one-line description]. */
const CONTRACTS: Readonly<Record<string, readonly [string, z.ZodType, string]>> = {
  'run.schema.json': ['brink.run/2', RunSchema, 'One game: brink run --json'],
  'batch.schema.json': ['brink.batch/1', BatchSchema, 'A Monte Carlo batch: brink batch --json'],
  'compare.schema.json': ['brink.compare/1', CompareSchema, 'A paired comparison: brink compare --json'],
  'sweep.schema.json': ['brink.sweep/1', SweepSchema, 'A parameter sweep: brink sweep --json'],
  'game.schema.json': ['brink.game/1', GameRecordSchema, 'One line of brink batch --out FILE.jsonl'],
  'save.schema.json': ['brink.save/4', SaveSchema, 'A saved game: brink play, key s'],
  'sensitivity.schema.json': ['brink.sensitivity/1', SensitivitySchema, 'What drives the uncertainty: brink sensitivity --json'],
};

/** file name → JSON Schema (draft 2020-12). */
export function outputSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [file, [format, schema, title]] of Object.entries(CONTRACTS)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', reused: 'ref' }) as Record<
      string,
      unknown
    >;
    out[file] = { ...json, $id: `${SCHEMA_BASE}${file}`, title: `${format}: ${title}` };
  }
  return out;
}

/** The text of each schema file, as `npm run schemas` writes it. */
export function outputSchemaTexts(): Record<string, string> {
  return Object.fromEntries(Object.entries(outputSchemas()).map(([f, s]) => [f, `${JSON.stringify(s, null, 2)}\n`]));
}
