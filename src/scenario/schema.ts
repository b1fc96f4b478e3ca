/**
 * The scenario format. A scenario names its window (start, turn length, horizon), where each actor
 * stands at the start, parameter overrides, scheduled injects (a truce, a Rafah decision window) and, for
 * historical scenarios, what actually happened. docs/scenarios.md describes it for authors;
 * `scenarios/scenario.schema.json` is generated from this schema for editor completion.
 */
import { z } from 'zod';
import { ACTORS, ACTOR_IDS, type ActorId } from '../model/actors/index.ts';
import { FRONTS, type Side } from '../model/actions.ts';
import { PARAM_SPECS, isParamId } from '../model/params.ts';
import { MAX_RUNG } from '../model/ladder.ts';
import { FACT_ID_PATTERN, factById } from '../model/evidence.ts';
import { addDays } from './calendar.ts';

export const SCENARIO_FORMAT = 'brink.scenario/1';

/**
 * Bounds that keep every scenario playable and every date computable: two years of weekly turns at
 * most, a turn of a day to a month, and counts far above any real scenario's (the shipped ones have a
 * handful of injects and a dozen recorded events) but far below what would exhaust memory.
 */
export const LIMITS = {
  turns: 104,
  daysPerTurn: 31,
  injects: 100,
  actualEvents: 500,
  cites: 50,
  text: 10_000,
  contextNumber: 1_000_000,
} as const;

const Text = () => z.string().min(1).max(LIMITS.text);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const IsoDate = z
  .string()
  .regex(ISO_DATE, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

const FactId = z
  .string()
  .regex(FACT_ID_PATTERN, 'must be a fact ID such as F-01 or R-IRN-05')
  // An ID of the right shape must also be one `brink explain` knows: the evidence base's.
  .superRefine((id, ctx) => {
    if (FACT_ID_PATTERN.test(id) && !factById(id))
      ctx.addIssue({ code: 'custom', message: `unknown ID '${id}': not in seeds/facts.yaml (brink explain --list shows every ID)` });
  });
const Cites = z.array(FactId).max(LIMITS.cites).default([]);

const Provenance = {
  note: Text().describe('What the inject stands for, in a line'),
  cites: Cites.describe('Fact IDs behind the inject'),
  assumption: Text().optional().describe('Why, where the evidence is silent (e.g. unknown dates)'),
};

export const TruceInject = z
  .object({
    kind: z.literal('truce'),
    id: z.string().min(1).max(100),
    from: IsoDate.describe('First day of the truce'),
    to: IsoDate.describe('Last day of the truce'),
    ...Provenance,
  })
  .strict();

export const RafahWindowInject = z
  .object({
    kind: z.literal('rafah-window'),
    id: z.string().min(1).max(100),
    from: IsoDate.describe('First day Israel may assault Rafah'),
    to: IsoDate.describe('Last day of the decision window'),
    chancePerTurn: z.number().min(0).max(1).describe('Chance each turn in the window that the assault begins'),
    ...Provenance,
  })
  .strict();

export const Inject = z.discriminatedUnion('kind', [TruceInject, RafahWindowInject]);
export type Inject = z.infer<typeof Inject>;

/** Actors' memories hold counts, thresholds and shares: none is negative or astronomically large. */
const ContextValue = z.union([z.number().min(0).max(LIMITS.contextNumber), z.boolean(), z.string().max(100)]);
export const ActorStart = z
  .object({
    state: z.string().max(100).optional().describe('The posture the actor starts in (a state of its machine)'),
    context: z.record(z.string(), ContextValue).optional().describe("Starting values of the actor's memory"),
  })
  .strict();

const DirectiveLevel = z.enum(['halt', 'reduce', 'sustain', 'surge']);
const DirectiveSchema = z
  .object(Object.fromEntries(FRONTS.map((f) => [f, DirectiveLevel])) as Record<(typeof FRONTS)[number], typeof DirectiveLevel>)
  .strict();

const unit = () => z.number().min(0).max(1);

export const WorldStart = z
  .object({
    rung: z
      .number()
      .int()
      .min(0)
      .max(MAX_RUNG - 1)
      .default(4),
    deterrence: unit().default(0),
    usDomesticPressure: unit().default(0),
    iranWarFear: unit().default(0),
    axisGains: unit().default(0),
    shippingDisruption: unit().default(0),
    usKilledBefore: z.number().int().min(0).max(LIMITS.contextNumber).default(0).describe('US deaths before the scenario starts'),
    directive: DirectiveSchema.default({ iraq: 'sustain', syria: 'sustain', lebanon: 'sustain', yemen: 'sustain' }),
  })
  .strict();

/**
 * The public record of the days just before the first order (the opening week: the scenario's first turn
 * of days up to and including its start date), which every side's bot reads as it would read the turn
 * before. Only US deaths for now: a bot answers them, and `world.usKilledBefore` cannot say when they
 * came (it counts every death before the start; rafah starts weeks after the Tower 22 deaths were answered).
 */
export const Opening = z
  .object({
    usKilled: z.number().int().min(0).max(LIMITS.contextNumber).default(0).describe('US deaths in the opening week, public to both sides'),
    note: Text().describe('What happened in the opening week, in a line'),
    cites: Cites.describe('Fact IDs behind it'),
    assumption: Text().optional().describe('Why, where the evidence is silent'),
  })
  .strict();

export const ActualEvent = z.object({ date: IsoDate, text: Text(), cites: Cites }).strict();

export const Actual = z
  .object({
    summary: Text(),
    events: z.array(ActualEvent).max(LIMITS.actualEvents).default([]),
  })
  .strict();

const actorStarts = Object.fromEntries(ACTOR_IDS.map((id) => [id, ActorStart.optional()])) as Record<
  ActorId,
  z.ZodOptional<typeof ActorStart>
>;

export const ScenarioSchema = z
  .object({
    schema: z.literal(SCENARIO_FORMAT).describe('Format version'),
    id: z
      .string()
      .max(100)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    title: z.string().min(1).max(200),
    briefing: Text().describe('One paragraph for the player'),
    historical: z.boolean().describe('Whether the scenario replays the record (and carries `actual`)'),
    start: IsoDate,
    daysPerTurn: z.number().int().min(1).max(LIMITS.daysPerTurn).default(7),
    turns: z.number().int().min(1).max(LIMITS.turns),
    gazaWarStart: IsoDate.default('2023-10-07').describe('T-03: the war whose length raises risk (R-SYS-01)'),
    actors: z.object(actorStarts).strict().default({}),
    world: WorldStart.default(WorldStart.parse({})),
    params: z.record(z.string(), z.number()).default({}),
    injects: z.array(Inject).max(LIMITS.injects).default([]),
    opening: Opening.optional().describe('The public record of the days before the first order (the opening week)'),
    defaults: z
      .object({ usPolicy: z.string().max(100).optional(), iranPolicy: z.string().max(100).optional() })
      .strict()
      .default({})
      .describe("The bot that plays each side unless a command's --us-policy or --iran-policy (or play's --opponent) says otherwise"),
    actual: Actual.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const [id, value] of Object.entries(s.params)) {
      if (!isParamId(id)) {
        ctx.addIssue({ code: 'custom', path: ['params', id], message: `unknown parameter '${id}'` });
        continue;
      }
      const spec = PARAM_SPECS[id];
      if (value < spec.min || value > spec.max) {
        ctx.addIssue({ code: 'custom', path: ['params', id], message: `must be between ${spec.min} and ${spec.max} (${spec.unit})` });
      }
    }
    for (const id of ACTOR_IDS) {
      const start = s.actors[id];
      if (!start) continue;
      const def = ACTORS[id];
      if (start.state !== undefined && !def.isState(start.state)) {
        ctx.addIssue({
          code: 'custom',
          path: ['actors', id, 'state'],
          message: `'${start.state}' is not a posture of ${id}; expected one of ${def.stateIds.join(', ')}`,
        });
      }
      const defaults = def.spec.context as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(start.context ?? {})) {
        if (!Object.hasOwn(defaults, key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['actors', id, 'context', key],
            message: `${id} has no '${key}'; expected one of ${Object.keys(defaults).join(', ')}`,
          });
        } else if (typeof defaults[key] !== typeof value) {
          ctx.addIssue({ code: 'custom', path: ['actors', id, 'context', key], message: `must be a ${typeof defaults[key]}` });
        }
      }
    }
    // The checks below run even when a field above failed (zod reports every issue at once): the dates
    // are computed only from a valid window, so a horizon of 1e308 is an issue, never a crash.
    const windowOk = (n: unknown, max: number) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= max;
    if (!windowOk(s.turns, LIMITS.turns) || !windowOk(s.daysPerTurn, LIMITS.daysPerTurn) || !IsoDate.safeParse(s.start).success) return;
    const end = addDays(s.start, s.daysPerTurn * s.turns - 1);
    s.injects.forEach((inj, i) => {
      if (inj.to < inj.from) ctx.addIssue({ code: 'custom', path: ['injects', i, 'to'], message: 'ends before it begins' });
      if (inj.from < s.start || inj.from > end) {
        ctx.addIssue({ code: 'custom', path: ['injects', i, 'from'], message: `must fall inside the scenario (${s.start} to ${end})` });
      }
    });
    // (Like the checks below, this runs even when a field failed, so it reads only numbers that parsed.)
    const before = s.world?.usKilledBefore;
    const opening = s.opening?.usKilled;
    if (typeof opening === 'number' && typeof before === 'number' && opening > before) {
      ctx.addIssue({
        code: 'custom',
        path: ['opening', 'usKilled'],
        message: `the opening week's ${opening} US deaths exceed world.usKilledBefore (${before}), which counts every death before the start`,
      });
    }
    if (s.historical && !s.actual) {
      ctx.addIssue({ code: 'custom', path: ['actual'], message: 'a historical scenario must say what actually happened' });
    }
  });

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioDoc = z.output<typeof ScenarioSchema>;

/** A scenario as the engine takes it: validated, plus the hash of its canonical form. */
export interface Scenario extends ScenarioDoc {
  readonly hash: string;
}

/** The bot that plays a side where a scenario names none in `defaults` (policies/historical.ts). */
export const FALLBACK_POLICY = 'historical';

/** The field of `defaults` that names a side's bot. */
export const DEFAULT_POLICY_FIELD = { us: 'usPolicy', iran: 'iranPolicy' } as const satisfies Record<Side, string>;

/**
 * The bot a scenario has play `side` when no flag names one: its `defaults` (checked against the bots
 * when loaded for play, scenario/loader.ts LoadOptions.policies), else the historical bot.
 */
export function defaultPolicy(s: Pick<ScenarioDoc, 'defaults'>, side: Side): string {
  return s.defaults[DEFAULT_POLICY_FIELD[side]] ?? FALLBACK_POLICY;
}
