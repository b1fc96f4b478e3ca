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
type ScreenRowJson = z.infer<typeof ScreenRowSchema>;

export function sensitivityJson(result: SensitivityResult): SensitivityJson {
  return SensitivitySchema.parse({ schema: SENSITIVITY_CONTRACT, model: MODEL_VERSION, ...result });
}

/** How many games each parameter set played, as the notes say it. */
export const gamesText = (games: number) => `${games} game${games === 1 ? '' : 's'} a set`;

/** A Sobol row as the notes read it: from a result or from its JSON. */
type IndexRow = Pick<SobolRow, 'first' | 'total' | 'firstCi' | 'totalCi'> & { readonly id: string };

/** An index as printed (two decimals): the notes speak of what the reader sees. */
const shown = (v: number) => Math.round(v * 100) / 100;

export const listed = (ids: readonly string[]) =>
  ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;

/**
 * Sobol indices are shares of a variance: each lies in 0–1 and a first-order index never exceeds its
 * total. The estimators only keep to that in the limit, so at a small N (and few games a set) a printed
 * index can be negative, exceed its total, or exceed 1, and an interval can run past 1. Those are
 * estimator noise, not findings; this says so under the outcome where it happens, naming the
 * parameters, and how to get figures that can be read. The values themselves are shown as estimated.
 */
export function estimatorNoiseNote(
  rows: readonly IndexRow[],
  settings: { readonly sobolN: number; readonly games: number },
): string | undefined {
  const cases = estimatorNoiseCases(rows);
  if (cases.length === 0) return undefined;
  return (
    `Estimator noise, not a finding: with N = ${settings.sobolN} and ${gamesText(settings.games)} some estimates fall where a share of variance cannot (${cases.join('; ')}). ` +
    'An index whose interval crosses 0 or 1 is not resolved. For figures that can be read, raise --sobol-n (default 128; intervals narrow as 1/√N) and --games (default 8).'
  );
}

/** Where an outcome's estimates fall outside what a share of variance can be, each case naming its parameters ("below 0 for x and y"). */
export function estimatorNoiseCases(rows: readonly IndexRow[]): string[] {
  const negative = rows.filter((r) => shown(r.first) < 0 || shown(r.total) < 0).map((r) => r.id);
  const overTotal = rows.filter((r) => shown(r.first) > shown(r.total)).map((r) => r.id);
  const overOne = rows.filter((r) => shown(r.first) > 1 || shown(r.total) > 1).map((r) => r.id);
  const pastOne = rows.filter((r) => !overOne.includes(r.id) && (shown(r.totalCi[1]) > 1 || shown(r.firstCi[1]) > 1)).map((r) => r.id);
  return [
    negative.length > 0 ? `below 0 for ${listed(negative)}` : '',
    overTotal.length > 0 ? `a first-order index above the total for ${listed(overTotal)}` : '',
    overOne.length > 0 ? `above 1 for ${listed(overOne)}` : '',
    pastOne.length > 0 ? `an interval past 1 for ${listed(pastOne)}` : '',
  ].filter(Boolean);
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

/** What to say of outcomes that did not vary: under the bars of one (the terminal), or of several at once (the report, above its charts). */
export const flatOutcomesNote = (names: readonly string[], games: number): string =>
  `${flatOutcomesFinding(names, games)}; raise --games (default 8) or --sobol-n.`;

/** What flatOutcomesNote finds, without the flags that would resolve it (the report says that in words). */
export const flatOutcomesFinding = (names: readonly string[], games: number): string =>
  `${listed(names)} did not vary over the Sobol parameter sets, so ${names.length === 1 ? 'its' : 'their'} indices (all exactly 0) say nothing about what drives ${names.length === 1 ? 'it' : 'them'}. With ${gamesText(games)} ${names.length === 1 ? 'it was' : 'they were'} the same throughout`;

/**
 * The screen ranks a parameter by its largest μ* over the outcomes, in standard deviations of each, so a
 * parameter can rank high through one outcome that rarely changes (US deaths: a death in a few games is
 * a large change). When that outcome did not vary over the Sobol sets, the parameter's Sobol indices are
 * all 0: this says why, so the two charts are not read as contradicting each other.
 */
export function screenedButSilentNote(
  r: {
    readonly screen: readonly Pick<ScreenRowJson, 'id' | 'muStar'>[];
    readonly sobol: Readonly<Record<SensitivityOutcome, readonly IndexRow[]>>;
  },
  label: (o: SensitivityOutcome) => string = (o) => o,
): string | undefined {
  const flat = new Set(flatOutcomes(r));
  const silent = new Map<SensitivityOutcome, string[]>();
  const ids = new Set(SENSITIVITY_OUTCOMES.flatMap((o) => r.sobol[o].map((x) => x.id)));
  for (const row of r.screen) {
    if (!ids.has(row.id)) continue;
    const zero = SENSITIVITY_OUTCOMES.every((o) =>
      r.sobol[o].filter((x) => x.id === row.id).every((x) => x.first === 0 && x.total === 0 && x.totalCi[1] === 0),
    );
    const by = SENSITIVITY_OUTCOMES.reduce((a, b) => (row.muStar[b] > row.muStar[a] ? b : a));
    if (zero && flat.has(by)) silent.set(by, [...(silent.get(by) ?? []), row.id]);
  }
  if (silent.size === 0) return undefined;
  return [...silent]
    .map(
      ([o, names]) =>
        `${listed(names)} ${names.length === 1 ? 'ranks' : 'rank'} high in the screen through ${label(o)} alone, which did not vary over the Sobol parameter sets: ${names.length === 1 ? 'its' : 'their'} Sobol indices of 0 say nothing either way.`,
    )
    .join(' ');
}

/**
 * The assumptions to challenge first: the parameters the Sobol indices measure whose value is an
 * assumption, ranked by the largest total index each has for any outcome, at most `most` of them. A
 * parameter whose every total index is 0 (an outcome that did not vary, or a parameter that moved
 * nothing) or below 0 (estimator noise) says nothing, and is not recommended: a playtest's tiny run
 * named warDurationHazard two lines after saying its indices, all exactly 0, said nothing.
 */
export function assumptionsToChallenge(
  r: { readonly sobol: Readonly<Record<SensitivityOutcome, readonly (IndexRow & { readonly cited: boolean })[]>> },
  most = 5,
): string[] {
  const largest = new Map<string, number>();
  for (const o of SENSITIVITY_OUTCOMES)
    for (const x of r.sobol[o]) if (!x.cited && x.total > 0) largest.set(x.id, Math.max(largest.get(x.id) ?? 0, x.total));
  return [...largest]
    .sort((a, b) => b[1] - a[1])
    .slice(0, most)
    .map(([id]) => id);
}
