/**
 * The one table of record figures (seeds/record.yaml): loaded once, validated with zod, every value
 * resolved from seeds/facts.yaml. A bad entry fails with `seeds/record.yaml:line:col path: message`,
 * located on the YAML node at fault. The debrief comparison, the backtest, calibration and the
 * calibration tests all read this table; none holds a copy of a figure.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { compiledCopy } from '../../io/shipped-yaml.ts';
import { PLACES } from '../../model/activity.ts';
import { FACT_ID_PATTERN, factById, SEEDS_DIR } from '../../model/evidence.ts';
import { formatPath, loadScenario, locate } from '../../scenario/loader.ts';
import { daysBetween } from '../../scenario/calendar.ts';
import { IsoDate } from '../../scenario/schema.ts';

export const RECORD_FORMAT = 'brink.record/1';

/** What one game gives (statistics.ts computes each). */
export const STATISTICS = [
  'attacksOnUS',
  'attacksOnUSIraq',
  'attacksOnUSSyria',
  'houthiAttacks',
  'usStrikes',
  'strikesOnIran',
  'iraqQuietDays',
  'regionalWar',
] as const;
export type StatisticId = (typeof STATISTICS)[number];
export const FIGURE_KINDS = ['point', 'range', 'floor', 'usual'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

const FactId = z.string().regex(FACT_ID_PATTERN, 'must be a fact ID such as F-01');
const Ref = z.object({ fact: FactId, figure: z.string().min(1) }).strict();
const Value = z.union([Ref, z.number()]);

const FigureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    facts: z.array(FactId).min(1),
    scenario: z.string().min(1),
    label: z.string().min(1).max(80),
    window: z.object({ from: IsoDate, to: IsoDate }).strict().optional(),
    statistic: z.enum(STATISTICS),
    per: z.enum(['total', 'week']),
    kind: z.enum(FIGURE_KINDS),
    value: Value.optional(),
    valueReason: z.string().min(15).optional(),
    lo: Value.optional(),
    hi: Value.optional(),
    share: z.number().gt(0).max(1).optional(),
    unit: z.string().min(1),
    reason: z.string().min(15),
  })
  .strict()
  .superRefine((f, ctx) => {
    const need = (key: 'value' | 'lo' | 'hi' | 'share', yes: boolean) => {
      if (yes && f[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a ${f.kind} figure needs '${key}'` });
      if (!yes && f[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a ${f.kind} figure takes no '${key}'` });
    };
    need('value', f.kind !== 'range');
    need('lo', f.kind === 'range');
    need('hi', f.kind === 'range');
    need('share', f.kind === 'usual');
    for (const key of ['value', 'lo', 'hi'] as const) {
      if (typeof f[key] === 'number' && f.valueReason === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'a literal value needs a valueReason naming its fact (use {fact, figure} where the fact has the figure)',
        });
      }
    }
    if (f.window && f.window.to < f.window.from) ctx.addIssue({ code: 'custom', path: ['window', 'to'], message: 'ends before it starts' });
  });

const ShockSchema = z
  .object({
    date: IsoDate,
    place: z.enum(PLACES as unknown as [string, ...string[]]),
    killed: Ref,
    cites: z.array(FactId).min(1),
    scenarios: z.array(z.string().min(1)).min(1),
  })
  .strict();

const RecordSchema = z
  .object({
    schema: z.literal(RECORD_FORMAT),
    shocks: z.object({ firstFatal: ShockSchema }).strict(),
    figures: z.array(FigureSchema).min(1),
  })
  .strict();

export interface RecordFigure {
  readonly id: string;
  readonly facts: readonly string[];
  readonly scenario: string;
  readonly label: string;
  readonly statistic: StatisticId;
  readonly per: 'total' | 'week';
  readonly kind: FigureKind;
  /** The record's reading: [v, v] for a point, floor or usual figure, [lo, hi] for a range. */
  readonly record: readonly [number, number];
  /** For `usual`: the share of games that must reproduce the record exactly. */
  readonly share?: number;
  /** The window's turns of its scenario (0-based, inclusive), or the whole scenario. */
  readonly turns: readonly [number, number];
  readonly window?: { readonly from: string; readonly to: string };
  readonly unit: string;
  readonly reason: string;
}

export interface FirstFatalShock {
  readonly date: string;
  readonly place: (typeof PLACES)[number];
  readonly killed: number;
  readonly cites: readonly string[];
  readonly scenarios: readonly string[];
}

export interface RecordTable {
  readonly figures: readonly RecordFigure[];
  readonly shocks: { readonly firstFatal: FirstFatalShock };
}

export class RecordError extends Error {
  override readonly name = 'RecordError';
}

export const RECORD_FILE = resolve(SEEDS_DIR, 'record.yaml');

/**
 * The turns a window covers: a turn counts when at least half its days, or half the window's if the
 * window is shorter than a turn, fall inside the window. Undefined when no turn qualifies.
 */
export function windowTurns(start: string, daysPerTurn: number, turns: number, from: string, to: string): [number, number] | undefined {
  const a = daysBetween(start, from);
  const b = daysBetween(start, to) + 1; // exclusive
  const need = Math.min(daysPerTurn, b - a) / 2;
  let first = -1;
  let last = -1;
  for (let t = 0; t < turns; t++) {
    const overlap = Math.min(b, (t + 1) * daysPerTurn) - Math.max(a, t * daysPerTurn);
    if (overlap >= need && overlap > 0) {
      if (first < 0) first = t;
      last = t;
    }
  }
  return first < 0 ? undefined : [first, last];
}

/** Parses and resolves a record table; `file` names it in errors. */
export function parseRecord(text: string, file: string, path = file): RecordTable {
  // The YAML document is parsed only when there is no build copy of this text (src/io/shipped-yaml.ts) or
  // when an error needs a line and column.
  const copy = compiledCopy(path, text);
  let parsedDoc: { doc: Document; lc: LineCounter } | undefined;
  const yaml = () => {
    if (!parsedDoc) {
      const lc = new LineCounter();
      parsedDoc = { doc: parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true }), lc };
    }
    return parsedDoc;
  };
  const fail = (path: (string | number)[], message: string): never => {
    const { doc, lc } = yaml();
    const pos = lc.linePos(locate(doc, path));
    throw new RecordError(`${file}:${pos.line}:${pos.col} ${formatPath(path) || '(document)'}: ${message}`);
  };
  if (copy === undefined && yaml().doc.errors.length > 0) {
    const { doc, lc } = yaml();
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    throw new RecordError(`${file}:${pos.line}:${pos.col} (document): YAML: ${e.message.split('\n')[0]}`);
  }
  const parsed = RecordSchema.safeParse(copy ?? yaml().doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
    return fail(path, issue.message);
  }
  const data = parsed.data;
  const resolveValue = (v: z.infer<typeof Value>, path: (string | number)[]): number => {
    if (typeof v === 'number') return v;
    const fact = factById(v.fact);
    if (!fact) return fail(path, `fact ${v.fact} is not in seeds/facts.yaml`);
    const x = fact.figures?.[v.figure];
    if (x === undefined) return fail(path, `${v.fact} has no figure '${v.figure}' in seeds/facts.yaml`);
    return x;
  };
  const ids = new Set<string>();
  const figures = data.figures.map((f, i): RecordFigure => {
    const at = (...rest: (string | number)[]) => ['figures', i, ...rest];
    if (ids.has(f.id)) fail(at('id'), `duplicate figure '${f.id}'`);
    ids.add(f.id);
    for (const [j, id] of f.facts.entries()) if (!factById(id)) fail(at('facts', j), `fact ${id} is not in seeds/facts.yaml`);
    let scenario;
    try {
      scenario = loadScenario(f.scenario);
    } catch (err) {
      return fail(at('scenario'), `cannot load the scenario '${f.scenario}': ${(err as Error).message.split('\n')[0]}`);
    }
    if (!scenario.historical) fail(at('scenario'), `'${f.scenario}' is not a historical scenario`);
    let turns: [number, number] = [0, scenario.turns - 1];
    if (f.window) {
      const w = windowTurns(scenario.start, scenario.daysPerTurn, scenario.turns, f.window.from, f.window.to);
      if (!w)
        fail(
          at('window'),
          `${f.window.from}..${f.window.to} covers no turn of ${f.scenario} (${scenario.start}, ${scenario.turns} turns of ${scenario.daysPerTurn} days)`,
        );
      turns = w!;
    }
    const record: [number, number] =
      f.kind === 'range'
        ? [resolveValue(f.lo!, at('lo')), resolveValue(f.hi!, at('hi'))]
        : [resolveValue(f.value!, at('value')), resolveValue(f.value!, at('value'))];
    if (record[0] > record[1]) fail(at('hi'), `the range ${record[0]}..${record[1]} is upside down`);
    return {
      id: f.id,
      facts: f.facts,
      scenario: f.scenario,
      label: f.label,
      statistic: f.statistic,
      per: f.per,
      kind: f.kind,
      record,
      ...(f.share === undefined ? {} : { share: f.share }),
      turns,
      ...(f.window ? { window: f.window } : {}),
      unit: f.unit,
      reason: f.reason.trim(),
    };
  });
  const s = data.shocks.firstFatal;
  for (const [j, id] of s.scenarios.entries()) {
    let scenario;
    try {
      scenario = loadScenario(id);
    } catch (err) {
      return fail(['shocks', 'firstFatal', 'scenarios', j], `cannot load the scenario '${id}': ${(err as Error).message.split('\n')[0]}`);
    }
    const day = daysBetween(scenario.start, s.date);
    if (day <= 0 || day >= scenario.turns * scenario.daysPerTurn)
      fail(['shocks', 'firstFatal', 'scenarios', j], `${s.date} is not inside ${id} after its first day`);
  }
  const firstFatal: FirstFatalShock = {
    date: s.date,
    place: s.place as FirstFatalShock['place'],
    killed: resolveValue(s.killed, ['shocks', 'firstFatal', 'killed']),
    cites: s.cites,
    scenarios: s.scenarios,
  };
  return { figures, shocks: { firstFatal } };
}

let cached: RecordTable | undefined;

export function loadRecord(): RecordTable {
  cached ??= parseRecord(readFileSync(RECORD_FILE, 'utf8'), 'seeds/record.yaml', RECORD_FILE);
  return cached;
}

export function recordFigure(id: string): RecordFigure {
  const f = loadRecord().figures.find((x) => x.id === id);
  if (!f) throw new RecordError(`no record figure '${id}' in seeds/record.yaml`);
  return f;
}
