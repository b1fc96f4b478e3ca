/**
 * `brink explain ID`: the provenance chain of a parameter, a fact or rule, an action or an actor's
 * posture, as plain text. Each explanation is built from the model's own tables (provenance.ts), so
 * it cannot drift from what the program does.
 */
import { nearMisses } from '../../scenario/issue-words.ts';
import { ACTORS, ACTOR_IDS, ACTOR_NAMES, type ActorId } from '../../model/actors/index.ts';
import { ACTIONS, actionById, type ActionDef } from '../../model/actions.ts';
import { idLabel, loadEvidence, type Fact } from '../../model/evidence.ts';
import { orderRungName } from '../../model/ladder.ts';
import { isParamId, PARAM_IDS, PARAM_SPECS, type ParamId } from '../../model/params.ts';
import { describePrior, isScoreWeight, priorOf } from '../../model/priors.ts';
import { describeRecommendation } from '../../model/runtime.ts';
import { loadShippedScenarios } from '../../scenario/loader.ts';
import { posteriorLines } from '../calibration/shifts.ts';
import type { PosteriorFile } from '../calibration/posterior-file.ts';
import { recordText } from '../record/statistics.ts';
import { loadRecord, type RecordFigure } from '../record/table.ts';
import { citers, factOrUndefined, paramUses, sourceOf, stateIds, transitionsOf, type Citer } from './provenance.ts';

export type ExplainKind = 'parameter' | 'fact' | 'rule' | 'action' | 'state' | 'figure';

export class UnknownIdError extends Error {
  constructor(
    readonly id: string,
    readonly suggestions: readonly string[],
  ) {
    super(
      `unknown ID '${id}'${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''} (brink explain --list shows every ID)`,
    );
  }
}

const factLine = (id: string) => {
  const f = factOrUndefined(id);
  return f ? `${id} ${f.title}` : `${id} (not in seeds/facts.yaml)`;
};

function figures(f: Fact): string[] {
  return f.figures ? Object.entries(f.figures).map(([k, v]) => `${k} = ${v}`) : [];
}

/** A source as cited: who published it and when, then the file it was read from. */
function sourceText(file: string): string {
  const so = sourceOf(file);
  return `${so.outlet}${so.date ? `, ${so.date}` : ''}${so.reliability ? `, reliability ${so.reliability}` : ''}; file ${so.file}`;
}

function citedBy(id: string): string[] {
  const list = citers().get(id) ?? [];
  const order: Citer['kind'][] = ['parameter', 'action', 'posture', 'transition', 'rung', 'inject', 'concept', 'backtest', 'fact'];
  return [...list]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map((c) => `${c.kind === 'fact' ? idLabel(c.id) : `${c.kind} ${c.id}`}: ${c.note}`);
}

/** A parameter's unit after its value: singular after 1 ("1 day", not "1 days"; "1 point/rung"). */
export function unitOf(value: number, unit: string): string {
  if (value !== 1) return unit;
  const [head = '', ...rest] = unit.split('/');
  return [/[^s]s$/.test(head) ? head.slice(0, -1) : head, ...rest].join('/');
}

/** What we do not know about the parameter: the range a batch with --uncertainty prior draws from. */
function priorLine(id: ParamId): string {
  if (isScoreWeight(id)) return 'uncertainty: none (a score weight is a preference, not an uncertain quantity)';
  const prior = priorOf(id);
  if (!prior) return 'uncertainty: no prior yet (held at its value)';
  const cites = prior.cites.length > 0 ? ` [${prior.cites.join(', ')}]` : ' [assumption]';
  return `uncertainty: ${describePrior(prior, PARAM_SPECS[id].value)}: ${prior.reason}${cites}`;
}

/** A posterior to set a parameter's prior against, and how to name it ("calibration/posterior.json"). */
export interface ExplainPosterior {
  readonly file: Pick<PosteriorFile, 'params' | 'particles'>;
  readonly source: string;
}

export function explainParam(id: ParamId, posterior?: ExplainPosterior): string {
  const s = PARAM_SPECS[id];
  const lines = [`Parameter ${id}: ${s.description}`, `  value ${s.value} ${unitOf(s.value, s.unit)} (allowed ${s.min}–${s.max})`];
  if (s.assumption) lines.push(`  ASSUMPTION: ${s.assumption}`);
  lines.push(`  ${priorLine(id)}`);
  if (posterior) for (const l of posteriorLines(id, posterior.file, posterior.source)) lines.push(`  ${l}`);
  const uses = paramUses(id);
  lines.push('  used by:');
  if (uses.length === 0) lines.push('    (not read by the model code: a scenario or tool setting)');
  for (const u of uses) lines.push(`    ${u.where}: ${u.what}`);
  lines.push(s.cites.length > 0 ? '  evidence:' : '  evidence: none cited');
  for (const f of s.cites) {
    const fact = factOrUndefined(f);
    lines.push(`    ${factLine(f)}`);
    if (!fact) continue;
    lines.push(`      ${fact.text}`);
    const fig = figures(fact);
    if (fig.length > 0) lines.push(`      figures: ${fig.join(', ')}`);
    for (const src of fact.sources) lines.push(`      source: ${sourceText(src)}`);
    if (fact.discrepancies?.length) lines.push(`      discrepancies: ${fact.discrepancies.map(factLine).join('; ')}`);
  }
  return lines.join('\n');
}

export function explainFact(fact: Fact): string {
  const label = idLabel(fact.id);
  const lines = [`${label[0]!.toUpperCase()}${label.slice(1)}${fact.inferred ? ' (inferred)' : ''}: ${fact.title}`];
  if (fact.date) lines.push(`  date: ${fact.date}`);
  lines.push(`  ${fact.text}`);
  const fig = figures(fact);
  if (fig.length > 0) lines.push(`  figures: ${fig.join(', ')}`);
  if (fact.sources.length > 0) {
    lines.push('  sources:');
    for (const src of fact.sources) lines.push(`    ${sourceText(src)}`);
  }
  if (fact.discrepancies?.length) lines.push(`  discrepancies: ${fact.discrepancies.map(factLine).join('; ')}`);
  if (fact.related?.length) lines.push(`  related: ${fact.related.map(factLine).join('; ')}`);
  const by = citedBy(fact.id);
  lines.push(by.length > 0 ? '  cited by:' : '  cited by: nothing in the model (context only)');
  for (const c of by) lines.push(`    ${c}`);
  return lines.join('\n');
}

function effectLines(a: ActionDef): string[] {
  const out: string[] = [];
  for (const [key, v] of Object.entries(a.effects)) {
    if (typeof v === 'string' && isParamId(v))
      out.push(`${key}: ${v} = ${PARAM_SPECS[v].value} ${unitOf(PARAM_SPECS[v].value, PARAM_SPECS[v].unit)}`);
    else if (key === 'strikes' && typeof v === 'object' && v !== null) {
      const st = v as { target: string; mean: ParamId };
      out.push(`strikes on ${st.target}: about ${PARAM_SPECS[st.mean].value} (${st.mean})`);
    } else if (key === 'directive' && typeof v === 'object' && v !== null) {
      out.push(
        `directive: ${Object.entries(v)
          .map(([f, l]) => `${f} ${String(l)}`)
          .join(', ')}`,
      );
    } else out.push(`${key}: ${String(v)}`);
  }
  return out;
}

export function explainAction(a: ActionDef): string {
  const lines = [
    `Action ${a.id} (${ACTOR_NAMES[a.side]}): ${a.label}`,
    `  rung ${a.rung} ${orderRungName(a.rung, a.side)}`,
    `  ${a.description}`,
    `  lever: ${a.track} (a turn's order is one force action beside one signal action: ${a.track === 'force' ? `${a.id}+<signal>` : `<force>+${a.id}`})`,
  ];
  if (a.offRecord) lines.push(`  off the record: ${a.offRecord}`);
  const eff = effectLines(a);
  lines.push(eff.length > 0 ? '  effects:' : '  effects: none beyond the signal itself');
  for (const e of eff) lines.push(`    ${e}`);
  lines.push('  evidence:');
  for (const f of a.cites) lines.push(`    ${factLine(f)}`);
  return lines.join('\n');
}

export function explainState(actor: ActorId, state: string): string {
  const meta = ACTORS[actor].meta(state);
  const lines = [`Posture ${actor}.${state} (${ACTOR_NAMES[actor]}): ${meta.label}`, `  rules: ${meta.rules.map(factLine).join('; ')}`];
  if (meta.recommends) {
    lines.push(`  the historical bot does: ${describeRecommendation(meta.recommends)}`);
  }
  const ts = transitionsOf(actor, state);
  if (ts.length > 0) lines.push('  transitions:');
  for (const { event, t } of ts) {
    const guard = t.guard ? ` [if ${typeof t.guard === 'string' ? t.guard : t.guard.type}]` : '';
    const rules = t.meta ? ` (${t.meta.rules.join(', ')})` : '';
    lines.push(`    on ${event}${guard}${t.target ? ` → ${t.target}` : ' (stays)'}${t.meta ? `: ${t.meta.says}` : ''}${rules}`);
  }
  return lines.join('\n');
}

/**
 * A record figure of seeds/record.yaml, as the backtest and the calibration check it: what it measures,
 * the record's reading and the facts it rests on. The CLI adds the check itself and how it is judged
 * (record-check.ts): the same lines `brink explain <fact>` shows for the figures behind a fact.
 */
export function explainFigure(f: RecordFigure): string {
  const turns = f.turns[0] === f.turns[1] ? `turn ${f.turns[0] + 1}` : `turns ${f.turns[0] + 1}–${f.turns[1] + 1}`;
  const lines = [
    `Record figure ${f.id}: ${f.label}`,
    `  checked by brink backtest and fitted by brink calibrate: scenario ${f.scenario}, ${turns}${f.window ? ` (${f.window.from} to ${f.window.to})` : ''}, ${f.per === 'week' ? 'a weekly rate' : 'a total over the window'} in ${f.unit}`,
    `  record: ${recordText(f)} ${f.unit} (${f.kind})`,
    `  why this figure: ${f.reason}`,
    '  rests on:',
    ...f.facts.map((id) => `    ${factLine(id)}`),
  ];
  return lines.join('\n');
}

/** Every ID `brink explain` resolves, by kind. */
export function allIds(): Record<ExplainKind, string[]> {
  const facts = [...loadEvidence().facts.values()];
  return {
    parameter: [...PARAM_IDS],
    rule: facts.filter((f) => f.kind === 'rule').map((f) => f.id),
    fact: facts.filter((f) => f.kind !== 'rule').map((f) => f.id),
    action: ACTIONS.map((a) => a.id),
    state: stateIds(),
    figure: loadRecord().figures.map((f) => f.id),
  };
}

export function suggest(id: string, max = 5): string[] {
  return nearMisses(id, Object.values(allIds()).flat(), max);
}

export function explain(id: string, options: { readonly posterior?: ExplainPosterior } = {}): { kind: ExplainKind; text: string } {
  if (isParamId(id)) return { kind: 'parameter', text: explainParam(id, options.posterior) };
  const fact = factOrUndefined(id.toUpperCase());
  if (fact) return { kind: fact.kind === 'rule' ? 'rule' : 'fact', text: explainFact(fact) };
  const action = actionById(id);
  if (action) return { kind: 'action', text: explainAction(action) };
  const dot = id.indexOf('.');
  if (dot > 0) {
    const actor = id.slice(0, dot) as ActorId;
    const state = id.slice(dot + 1);
    if (ACTOR_IDS.includes(actor) && ACTORS[actor].isState(state)) return { kind: 'state', text: explainState(actor, state) };
  }
  const figure = loadRecord().figures.find((f) => f.id === id.toLowerCase());
  if (figure) return { kind: 'figure', text: explainFigure(figure) };
  throw new UnknownIdError(id, suggest(id));
}

export function listAll(): string {
  const ids = allIds();
  const lines: string[] = [];
  lines.push(`Parameters (${ids.parameter.length}):`);
  for (const id of ids.parameter)
    lines.push(
      `  ${id}  ${PARAM_SPECS[id as ParamId].value} ${unitOf(PARAM_SPECS[id as ParamId].value, PARAM_SPECS[id as ParamId].unit)}${PARAM_SPECS[id as ParamId].assumption ? '  [assumption]' : ''}`,
    );
  lines.push(`Rules (${ids.rule.length}):`);
  for (const id of ids.rule) lines.push(`  ${factLine(id)}`);
  lines.push(`Facts (${ids.fact.length}):`);
  for (const id of ids.fact) lines.push(`  ${factLine(id)}`);
  lines.push(`Actions (${ids.action.length}):`);
  for (const a of ACTIONS) lines.push(`  ${a.id}  rung ${a.rung}  ${a.label}`);
  lines.push(`Postures (${ids.state.length}):`);
  for (const s of ids.state) {
    const [actor, state] = s.split('.') as [ActorId, string];
    lines.push(`  ${s}  ${ACTORS[actor].meta(state).label}`);
  }
  lines.push(`Record figures, checked by brink backtest (${ids.figure.length}):`);
  for (const f of loadRecord().figures) lines.push(`  ${f.id}  ${f.scenario} · ${f.label} (${f.kind})`);
  return lines.join('\n');
}

export interface Assumption {
  readonly kind: 'parameter' | 'inject' | 'question';
  readonly id: string;
  readonly what: string;
  readonly why: string;
}

/** Every assumption in the model, for a teacher to challenge. */
export function assumptions(): Assumption[] {
  const out: Assumption[] = [];
  for (const id of PARAM_IDS) {
    const s = PARAM_SPECS[id];
    if (s.assumption) out.push({ kind: 'parameter', id, what: `${s.description} = ${s.value} ${s.unit}`, why: s.assumption });
  }
  for (const sc of loadShippedScenarios()) {
    for (const inj of sc.injects)
      if (inj.assumption) out.push({ kind: 'inject', id: `${sc.id}:${inj.id}`, what: inj.note, why: inj.assumption });
  }
  for (const f of loadEvidence().facts.values()) {
    if (f.kind === 'question') out.push({ kind: 'question', id: f.id, what: f.title, why: f.text });
  }
  return out;
}

export function formatAssumptions(list: readonly Assumption[]): string {
  const lines: string[] = [];
  for (const kind of ['parameter', 'inject', 'question'] as const) {
    const of = list.filter((a) => a.kind === kind);
    lines.push(
      `${kind === 'parameter' ? 'Parameters set by assumption' : kind === 'inject' ? 'Scenario injects resting on an assumption' : 'Open questions in the evidence'} (${of.length}):`,
    );
    for (const a of of) lines.push(`  ${a.id}: ${a.what}`, `      why: ${a.why}`);
  }
  return lines.join('\n');
}
