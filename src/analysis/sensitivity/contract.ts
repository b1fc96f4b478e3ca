/**
 * brink.sensitivity/1: the JSON of `brink sensitivity --json`, which `brink report --sensitivity FILE`
 * renders. The Morris screen of every prior-bearing parameter (μ* and σ per outcome, in standard
 * deviations of the outcome) and the Sobol indices of the top ones per outcome, with 95 % bootstrap
 * intervals; each row says whether the parameter's range is cited from the record or an assumption.
 * schemas/sensitivity.schema.json is generated from this contract (`npm run schemas`).
 */
import { z } from 'zod';
import { MODEL_VERSION } from '../../model/version.ts';
import { SENSITIVITY_OUTCOMES, type SensitivityOutcome } from '../uncertainty/measures.ts';
import type { SensitivityResult, SobolRow } from './real-model.ts';

export const SENSITIVITY_CONTRACT = 'brink.sensitivity/1';

const Count = z.number().int().min(1);
const Index = z.number();
const Interval = z.tuple([z.number(), z.number()]);

const perOutcome = <T extends z.ZodType>(v: T) =>
  z.object(Object.fromEntries(SENSITIVITY_OUTCOMES.map((o) => [o, v])) as Record<SensitivityOutcome, T>).strict();

const ScreenRowSchema = z
  .object({
    id: z.string().min(1),
    /** True when the parameter's value is cited from the record; false for an assumption. */
    cited: z.boolean(),
    muStar: perOutcome(z.number().min(0)),
    sigma: perOutcome(z.number().min(0)),
    /** The largest normalised μ* over the outcomes: the ranking. */
    rank: z.number().min(0),
  })
  .strict();

const SobolRowSchema = z
  .object({
    id: z.string().min(1),
    cited: z.boolean(),
    first: Index,
    total: Index,
    firstCi: Interval,
    totalCi: Interval,
  })
  .strict();

export const SensitivitySchema = z
  .object({
    schema: z.literal(SENSITIVITY_CONTRACT),
    /** The model that produced it (src/model/version.ts: package version + hash of the rules). */
    model: z.string().min(1),
    settings: z
      .object({
        scenario: z.string().min(1),
        us: z.string().min(1),
        iran: z.string().min(1),
        trajectories: Count,
        top: Count,
        sobolN: Count,
        games: Count,
        seed: z.string().min(1),
      })
      .strict(),
    /** Every prior-bearing parameter, highest rank first. */
    screen: z.array(ScreenRowSchema).min(1),
    /** Per outcome, the Sobol rows of the top parameters, largest total index first. */
    sobol: perOutcome(z.array(SobolRowSchema)),
    runs: z.object({ morris: Count, sobol: Count, games: Count }).strict(),
  })
  .strict();

export type SensitivityJson = z.infer<typeof SensitivitySchema>;

export function sensitivityJson(result: SensitivityResult): SensitivityJson {
  return SensitivitySchema.parse({ schema: SENSITIVITY_CONTRACT, model: MODEL_VERSION, ...result });
}

/** How many games each parameter set played, as the notes say it. */
const gamesText = (games: number) => `${games} game${games === 1 ? '' : 's'} a set`;

/**
 * Sobol indices are shares of a variance, so they lie in 0–1; an estimate well outside that range says
 * the sample is too small to read (noise, not a finding). Returns the warning, naming the worst case.
 */
export function sampleTooSmall(r: {
  readonly settings: { readonly sobolN: number; readonly games: number };
  readonly sobol: Readonly<Record<SensitivityOutcome, readonly { readonly id: string; readonly first: number; readonly total: number }[]>>;
}): string | undefined {
  let worst: { name: string; id: string; which: string; v: number } | undefined;
  for (const name of SENSITIVITY_OUTCOMES) {
    for (const row of r.sobol[name]) {
      for (const [which, v] of [
        ['first', row.first],
        ['total', row.total],
      ] as const) {
        const off = v < 0 ? -v : v - 1;
        if (off > 0.1 && (!worst || off > (worst.v < 0 ? -worst.v : worst.v - 1))) worst = { name, id: row.id, which, v };
      }
    }
  }
  if (!worst) return undefined;
  const s = r.settings;
  return (
    `Warning: some estimates fall outside 0–1 (${worst.which} index ${worst.v.toFixed(2)} for ${worst.id} on ${worst.name}): ` +
    `with N = ${s.sobolN} and ${gamesText(s.games)} the sample is too small to read. Raise --sobol-n (default 128) and --games (default 8).`
  );
}

/**
 * The outcomes no index can speak to: every top parameter's first and total index, and their intervals,
 * exactly 0. The estimator gives 0 when the outcome has no variance over the Sobol sets (usKilled when no
 * game of a small run had a death), and then "0.00 [0.00–0.00]" would read as "no parameter matters".
 */
export function flatOutcomes(r: {
  readonly sobol: Readonly<Record<SensitivityOutcome, readonly Pick<SobolRow, 'first' | 'total' | 'firstCi' | 'totalCi'>[]>>;
}): SensitivityOutcome[] {
  return SENSITIVITY_OUTCOMES.filter(
    (o) => r.sobol[o].length > 0 && r.sobol[o].every((x) => [x.first, x.total, ...x.firstCi, ...x.totalCi].every((v) => v === 0)),
  );
}

/** What to say under the bars of a flat outcome. */
export const flatOutcomeNote = (name: string, games: number): string =>
  `${name} did not vary over the Sobol parameter sets (every index and interval is exactly 0), so these indices say nothing about it: with ${gamesText(games)} the outcome was the same throughout. Raise --games (default 8) or --sobol-n.`;

/** The same for several outcomes at once (the report says it once, above the charts). */
export const flatOutcomesNote = (names: readonly string[], games: number): string =>
  `Did not vary over the Sobol parameter sets, so their indices (all exactly 0) say nothing: ${names.join(', ')}. With ${gamesText(games)} they were the same throughout; raise --games (default 8) or --sobol-n.`;
