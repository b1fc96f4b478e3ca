/**
 * The JSON contracts of the Monte Carlo commands (DESIGN.md "Command line"): `brink batch --json`
 * (brink.batch/1), `brink compare --json` (brink.compare/1), `brink sweep --json` (brink.sweep/1), and
 * the per-game line of `--out FILE.jsonl` (brink.game/1). Other tools rely on these; the tests validate
 * the commands' real output against them.
 */
import { z } from 'zod';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, SERIES_NAMES, VERDICT_IDS } from './record.ts';

const Prob = z.number().min(0).max(1);
const Interval = z.tuple([z.number(), z.number()]).refine(([lo, hi]) => lo <= hi, 'interval must have lo <= hi');

export const OutcomeStatSchema = z.object({
  p: Prob,
  ci95: z.tuple([Prob, Prob]).refine(([lo, hi]) => lo <= hi, 'interval must have lo <= hi'),
  count: z.number().int().min(0),
}).strict();

export const SummarySchema = z.object({ mean: z.number(), p5: z.number(), p50: z.number(), p95: z.number() }).strict()
  .refine((s) => s.p5 <= s.p50 && s.p50 <= s.p95, 'percentiles must be ordered');

export const SeriesPointSchema = z.object({ turn: z.number().int().min(0), mean: z.number(), p5: z.number(), p50: z.number(), p95: z.number() }).strict()
  .refine((s) => s.p5 <= s.p50 && s.p50 <= s.p95, 'percentiles must be ordered');

const record = <K extends string, V extends z.ZodType>(keys: readonly K[], value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>).strict();

const Policies = z.object({ us: z.string().min(1), iran: z.string().min(1) }).strict();
const ScenarioRef = z.object({ id: z.string().min(1), hash: z.string().min(1) }).strict();
const Params = z.record(z.string(), z.number());
const Uncertainty = z.object({
  mode: z.enum(['none', 'prior', 'posterior']),
  /** 'none', or the mode and a hash of the priors (and posterior particles) the games drew from. */
  distribution: z.string().regex(/^(none|(prior|posterior):[0-9a-f]{16})$/),
  bands: z.enum(['dice', 'dice+parameters']),
}).strict().refine((u) => (u.mode === 'none') === (u.bands === 'dice') && (u.mode === 'none') === (u.distribution === 'none'), 'mode, distribution and bands must agree');

export const BatchSchema = z.object({
  schema: z.literal('brink.batch/1'),
  /** The model that produced it (src/model/version.ts: package version + hash of the rules). */
  model: z.string().min(1),
  scenario: ScenarioRef,
  runs: z.number().int().min(0),
  /** Games asked for; `runs` is the number finished (they differ only when the batch was stopped). */
  requested: z.number().int().min(0),
  complete: z.boolean(),
  seed: z.string().min(1),
  /** How the per-game seed is derived: replay game i with `brink run --seed <seedFormat with i>`. */
  gameSeeds: z.literal('{seed}:{index}'),
  policies: Policies,
  params: Params,
  /** Whether the bands are dice only (mode none) or dice plus parameter uncertainty, and from which distribution. */
  uncertainty: Uncertainty,
  turns: z.number().int().min(1),
  daysPerTurn: z.number().int().min(1),
  outcomes: record(OUTCOME_NAMES, OutcomeStatSchema),
  metrics: record([...METRIC_NAMES, ...SCORE_NAMES], SummarySchema),
  series: record(SERIES_NAMES, z.object({ perTurn: z.array(SeriesPointSchema), cumulative: z.array(SeriesPointSchema) }).strict()),
}).strict().superRefine((b, ctx) => {
  for (const [name, s] of Object.entries(b.series)) {
    for (const key of ['perTurn', 'cumulative'] as const) {
      if (s[key].length !== b.turns) ctx.addIssue({ code: 'custom', message: `series.${name}.${key} must have one point per turn` });
      s[key].forEach((p, i) => {
        if (p.turn !== i) ctx.addIssue({ code: 'custom', message: `series.${name}.${key}[${i}].turn must be ${i}` });
      });
    }
  }
});
export type BatchJson = z.infer<typeof BatchSchema>;

export const DiffSchema = z.object({ mean: z.number(), ci95: Interval, sd: z.number().min(0) }).strict();
const ArmSchema = z.object({ scenario: ScenarioRef, policies: Policies, params: Params }).strict();

export const CompareSchema = z.object({
  schema: z.literal('brink.compare/1'),
  /** The model that produced it (src/model/version.ts: package version + hash of the rules). */
  model: z.string().min(1),
  runs: z.number().int().min(0),
  seed: z.string().min(1),
  gameSeeds: z.literal('{seed}:{index}'),
  a: ArmSchema,
  b: ArmSchema,
  uncertainty: Uncertainty,
  outcomes: record(OUTCOME_NAMES, z.object({ a: OutcomeStatSchema, b: OutcomeStatSchema, diff: DiffSchema }).strict()),
  metrics: record([...METRIC_NAMES, ...SCORE_NAMES], z.object({ a: SummarySchema, b: SummarySchema, diff: DiffSchema }).strict()),
}).strict();
export type CompareJson = z.infer<typeof CompareSchema>;

const SweepValue = z.object({ mean: z.number(), ci95: Interval }).strict();
export const SweepSchema = z.object({
  schema: z.literal('brink.sweep/1'),
  /** The model that produced it (src/model/version.ts: package version + hash of the rules). */
  model: z.string().min(1),
  scenario: ScenarioRef,
  runs: z.number().int().min(1),
  seed: z.string().min(1),
  gameSeeds: z.literal('{seed}:{index}'),
  policies: Policies,
  metrics: z.array(z.string().min(1)).min(1),
  baseline: z.record(z.string(), SweepValue),
  params: z.array(z.object({
    name: z.string().min(1),
    base: z.number(),
    points: z.array(z.object({ value: z.number(), results: z.record(z.string(), SweepValue) }).strict()).min(2),
    /** Per metric: result at the highest value minus at the lowest; the tornado ranks by its size. */
    swing: z.record(z.string(), z.number()),
  }).strict()),
}).strict();
export type SweepJson = z.infer<typeof SweepSchema>;

export const GameRecordSchema = z.object({
  schema: z.literal('brink.game/1'),
  index: z.number().int().min(0),
  seed: z.string().min(1),
  scenario: ScenarioRef,
  policies: Policies,
  params: Params,
  verdict: z.enum(VERDICT_IDS as [string, ...string[]]),
  scores: z.object({ us: z.number(), iran: z.number() }).strict(),
  metrics: record(METRIC_NAMES, z.number().int().min(0)),
  series: record(SERIES_NAMES, z.array(z.number().int().min(0))),
}).strict();
