/**
 * The posterior file `brink calibrate` writes (brink.posterior/1): weighted parameter sets, with the
 * settings and seed that made them, so anyone can regenerate it and a test can check that it still
 * follows from them. `brink batch --uncertainty posterior` draws its games' parameters from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isParamId, type ParamId } from '../../model/params.ts';
import type { PosteriorSample } from '../uncertainty/distribution.ts';
import { jsonSyntaxWhere, jsonWhere } from '../../scenario/json-location.ts';

export const POSTERIOR_FORMAT = 'brink.posterior/1';

/** Where the shipped posterior lives (regenerate with `npm run calibrate`, see the README). */
export const SHIPPED_POSTERIOR = fileURLToPath(new URL('../../../calibration/posterior.json', import.meta.url));

export const PosteriorFileSchema = z
  .object({
    schema: z.literal(POSTERIOR_FORMAT),
    /** The command line that regenerates this file. */
    command: z.string(),
    settings: z.record(z.string(), z.unknown()),
    seed: z.string().min(1),
    /** Hash of the priors the calibration started from. */
    priors: z.string(),
    /** The record figures matched, with their observed values. */
    figures: z.array(z.object({ id: z.string(), observed: z.number() }).passthrough()),
    params: z.array(z.string()).min(1),
    particles: z
      .array(z.object({ values: z.array(z.number()), weight: z.number().min(0), distance: z.number().optional() }).strict())
      .min(1),
    generations: z.array(z.record(z.string(), z.number())),
    simulations: z.number().int().min(0),
  })
  .passthrough();
export type PosteriorFile = z.infer<typeof PosteriorFileSchema>;

export class PosteriorFileError extends Error {
  override readonly name = 'PosteriorFileError';
}

/** Reads and checks a posterior file; every problem names the file and the field. */
export function loadPosterior(path: string): PosteriorFile & PosteriorSample {
  if (!existsSync(path)) {
    throw new PosteriorFileError(`${path}: no posterior file here; make one with brink calibrate (or pass --posterior FILE)`);
  }
  let raw: unknown;
  const text = readFileSync(path, 'utf8');
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PosteriorFileError(`${jsonSyntaxWhere(path, text, err)}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  // The field at fault, and where it is in the file (file:line:col), as scenario errors say it.
  const at = (field: readonly PropertyKey[]) => jsonWhere(path, text, field);
  const parsed = PosteriorFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PosteriorFileError(`${at(issue.path)}: field ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const file = parsed.data;
  file.params.forEach((id, i) => {
    if (!isParamId(id)) throw new PosteriorFileError(`${at(['params', i])}: field params.${i}: unknown parameter '${id}'`);
  });
  file.particles.forEach((p, i) => {
    if (p.values.length !== file.params.length) {
      throw new PosteriorFileError(
        `${at(['particles', i, 'values'])}: field particles.${i}.values: ${p.values.length} values for ${file.params.length} parameters`,
      );
    }
  });
  if (!file.particles.some((p) => p.weight > 0)) throw new PosteriorFileError(`${path}: field particles: every weight is zero`);
  return { ...file, params: file.params as ParamId[] };
}
