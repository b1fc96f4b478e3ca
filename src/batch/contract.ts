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

export const OutcomeStatSchema = z
  .object({
    p: Prob,
    ci95: z.tuple([Prob, Prob]).refine(([lo, hi]) => lo <= hi, 'interval must have lo <= hi'),
    count: z.number().int().min(0),
  })
  .strict();

export const SummarySchema = z
  .object({ mean: z.number(), p5: z.number(), p50: z.number(), p95: z.number() })
  .strict()
  .refine((s) => s.p5 <= s.p50 && s.p50 <= s.p95, 'percentiles must be ordered');

export const SeriesPointSchema = z
  .object({ turn: z.number().int().min(0), mean: z.number(), p5: z.number(), p50: z.number(), p95: z.number() })
  .strict()
  .refine((s) => s.p5 <= s.p50 && s.p50 <= s.p95, 'percentiles must be ordered');

const record = <K extends string, V extends z.ZodType>(keys: readonly K[], value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>).strict();

const Policies = z.object({ us: z.string().min(1), iran: z.string().min(1) }).strict();
const ScenarioRef = z.object({ id: z.string().min(1), hash: z.string().min(1) }).strict();
const Params = z.record(z.string(), z.number());
const Uncertainty = z
  .object({
    mode: z.enum(['none', 'prior', 'posterior']),
    /** 'none', or the mode and a hash of the priors (and posterior particles) the games drew from. */
    distribution: z.string().regex(/^(none|(prior|posterior):[0-9a-f]{16})$/),
    bands: z.enum(['dice', 'dice+parameters']),
  })
  .strict()
  .refine(
    (u) => (u.mode === 'none') === (u.bands === 'dice') && (u.mode === 'none') === (u.distribution === 'none'),
    'mode, distribution and bands must agree',
  );
/** On the report of one shard of a sharded run (never on a whole run's, nor on a merge's). */
const ShardInfo = z
  .object({ index: z.number().int().min(0), count: z.number().int().min(1), from: z.number().int().min(0), to: z.number().int().min(0) })
  .strict();

export const BatchSchema = z
  .object({
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
    shard: ShardInfo.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
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

/**
 * A paired difference B − A. `interval` names how ci95 was computed: `t` (Student t with n − 1 degrees
 * of freedom, for a metric's mean) or `newcombe` (Newcombe's paired interval, for an outcome's share).
 * Optional: files written before it was added used a normal interval (z = 1.96) and do not carry it.
 */
const diffSchema = <M extends 't' | 'newcombe'>(method: M) =>
  z.object({ mean: z.number(), ci95: Interval, sd: z.number().min(0), interval: z.literal(method).optional() }).strict();
export const DiffSchema = diffSchema('t');
export const OutcomeDiffSchema = diffSchema('newcombe');
const ArmSchema = z.object({ scenario: ScenarioRef, policies: Policies, params: Params }).strict();

export const CompareSchema = z
  .object({
    schema: z.literal('brink.compare/1'),
    /** The model that produced it (src/model/version.ts: package version + hash of the rules). */
    model: z.string().min(1),
    runs: z.number().int().min(0),
    /**
     * Pairs asked for, and whether all of them finished (`runs` is the number finished; they differ only
     * when the comparison was stopped), as in brink.batch/1. Optional: files written before they were
     * added do not carry them.
     */
    requested: z.number().int().min(0).optional(),
    complete: z.boolean().optional(),
    seed: z.string().min(1),
    gameSeeds: z.literal('{seed}:{index}'),
    a: ArmSchema,
    b: ArmSchema,
    uncertainty: Uncertainty,
    outcomes: record(OUTCOME_NAMES, z.object({ a: OutcomeStatSchema, b: OutcomeStatSchema, diff: OutcomeDiffSchema }).strict()),
    metrics: record([...METRIC_NAMES, ...SCORE_NAMES], z.object({ a: SummarySchema, b: SummarySchema, diff: DiffSchema }).strict()),
    shard: ShardInfo.optional(),
  })
  .strict();
export type CompareJson = z.infer<typeof CompareSchema>;

const SweepValue = z.object({ mean: z.number(), ci95: Interval }).strict();
export const SweepSchema = z
  .object({
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
    params: z.array(
      z
        .object({
          name: z.string().min(1),
          base: z.number(),
          points: z.array(z.object({ value: z.number(), results: z.record(z.string(), SweepValue) }).strict()).min(2),
          /** Per metric: result at the highest value minus at the lowest; the tornado ranks by its size. */
          swing: z.record(z.string(), z.number()),
        })
        .strict(),
    ),
    shard: ShardInfo.optional(),
  })
  .strict();
export type SweepJson = z.infer<typeof SweepSchema>;

export const GameRecordSchema = z
  .object({
    schema: z.literal('brink.game/1'),
    /** The model that played the game (src/model/version.ts); --resume refuses a file of another model. */
    model: z.string().min(1),
    index: z.number().int().min(0),
    seed: z.string().min(1),
    scenario: ScenarioRef,
    policies: Policies,
    params: Params,
    verdict: z.enum(VERDICT_IDS as [string, ...string[]]),
    scores: z.object({ us: z.number(), iran: z.number() }).strict(),
    metrics: record(METRIC_NAMES, z.number().int().min(0)),
    series: record(SERIES_NAMES, z.array(z.number().int().min(0))),
  })
  .strict();

/**
 * A part file (`--out FILE.jsonl` of a sharded run, and of compare and sweep): a header line naming the
 * run (its spec: everything that decides its games and its report), the shard and its slice of game
 * indices, then one line per finished chunk of games with the chunk's exact integer histograms.
 * `brink merge` adds the chunks of all the shards up; see src/batch/part.ts.
 */
export const PART_FORMAT = 'brink.part/1';

/**
 * The specs: everything that decides a run's games and its report, and nothing that may differ between
 * the machines that play its shards (worker count, paths). Parts merge only when their specs are equal.
 */
const Runs = z.number().int().min(1);
const Turns = z.number().int().min(1);
export const BatchSpecSchema = z
  .object({
    scenario: z.object({ id: z.string().min(1), hash: z.string().min(1), turns: Turns, daysPerTurn: z.number().int().min(1) }).strict(),
    runs: Runs,
    seed: z.string().min(1),
    policies: Policies,
    params: Params,
    uncertainty: Uncertainty,
  })
  .strict();
export type BatchSpec = z.infer<typeof BatchSpecSchema>;
export const CompareSpecSchema = z
  .object({ runs: Runs, seed: z.string().min(1), turns: Turns, a: ArmSchema, b: ArmSchema, uncertainty: Uncertainty })
  .strict();
export type CompareSpec = z.infer<typeof CompareSpecSchema>;
export const SweepSpecSchema = z
  .object({
    scenario: ScenarioRef,
    turns: Turns,
    runs: Runs,
    seed: z.string().min(1),
    policies: Policies,
    /** Overrides that hold at every point. */
    fixed: Params,
    metrics: z.array(z.string().min(1)).min(1),
    params: z.array(z.object({ name: z.string().min(1), base: z.number(), values: z.array(z.number()).min(2) }).strict()),
  })
  .strict();
export type SweepSpec = z.infer<typeof SweepSpecSchema>;
const Count = z.number().int().min(0);
const Counts = z.array(Count);
export const PartHeaderSchema = z
  .object({
    schema: z.literal(PART_FORMAT),
    command: z.enum(['batch', 'compare', 'sweep']),
    /** The model that played the games (src/model/version.ts): parts of different models never merge. */
    model: z.string().min(1),
    spec: z.record(z.string(), z.unknown()),
    shard: z.object({ index: Count, count: z.number().int().min(1) }).strict(),
    games: z.object({ from: Count, to: Count }).strict(),
    /** The scenario as given on the command line (for the replay hint of the report). */
    scenarioArg: z.string().min(1),
  })
  .strict();
export type PartHeader = z.infer<typeof PartHeaderSchema>;

const AggregatorDataSchema = z
  .object({
    n: Count,
    outcomes: record(OUTCOME_NAMES, Count),
    metrics: record([...METRIC_NAMES, ...SCORE_NAMES], Counts),
    perTurn: record(SERIES_NAMES, z.array(Counts)),
    cumulative: record(SERIES_NAMES, z.array(Counts)),
  })
  .strict();
const DiffSumsSchema = z.object({ n: Count, sum: z.number().int(), sumSq: Count }).strict();
export const PartChunkSchema = z
  .object({
    /** The chunk's game indices as [from, to) ranges. */
    indices: z.array(z.tuple([Count, Count])),
    games: Count,
    data: z
      .object({
        arms: z.array(AggregatorDataSchema).min(1),
        diffs: z.array(record([...OUTCOME_NAMES, ...METRIC_NAMES, ...SCORE_NAMES], DiffSumsSchema)),
      })
      .strict(),
  })
  .strict();
export type PartChunk = z.infer<typeof PartChunkSchema>;
