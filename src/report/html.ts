/**
 * The classroom report: one self-contained HTML file (inline CSS, charts as inline SVG, no scripts,
 * no network), sized for a projector. It renders the Monte Carlo layer's own JSON contracts
 * (brink.batch/1 and brink.compare/1, src/batch/contract.ts), so the report shows exactly the numbers
 * `brink batch --json` and `brink compare --json` print: outcome probabilities with their 95 %
 * intervals, per-turn fan charts (5–95 % band, median, mean), the paired B − A differences of a
 * comparison when given, and the provenance of the assumptions that drive the result.
 */
import type { BatchJson, CompareJson } from '../batch/contract.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, SERIES_NAMES, type MetricName, type OutcomeName, type ScoreName, type SeriesName } from '../batch/record.ts';
import { PARAM_SPECS, isParamId, type ParamId } from '../model/params.ts';
import { factById } from '../model/evidence.ts';
import { rungName } from '../model/ladder.ts';
import type { Scenario } from '../scenario/schema.ts';
import { addDays } from '../scenario/schema.ts';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const num = (x: number, d = 2) => (Number.isInteger(x) ? String(x) : x.toFixed(d));
const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 ? 1 : 0)} %`;

// Typed over the contract's names, so a name added to src/batch/record.ts fails to compile until it has a label.
export const OUTCOME_LABELS: Readonly<Record<OutcomeName, string>> = {
  regionalWar: 'Regional war', usFatality: 'At least one US death',
  'verdict:regional-war': 'Verdict: regional war', 'verdict:drawdown': 'Verdict: drawdown in reach',
  'verdict:calm-restored': 'Verdict: calm restored', 'verdict:brinkmanship': 'Verdict: brinkmanship survived',
  'verdict:simmering': 'Verdict: simmering conflict',
};

export const METRIC_LABELS: Readonly<Record<MetricName | ScoreName, string>> = {
  attacksOnUS: 'Attacks on US forces', attacksOnUSIraq: 'Attacks on US forces in Iraq', attacksOnUSSyria: 'Attacks on US forces in Syria',
  attacksOnUSJordan: 'Attacks on US forces in Jordan', usKilled: 'US deaths', usInjured: 'US injured',
  usStrikes: 'US strikes (outside Yemen)', houthiAttacks: 'Houthi attacks', peakRung: 'Peak escalation rung',
  fatalAttacks: 'Attacks that killed', usStrikesYemen: 'US strikes in Yemen', hezbollahFireDays: 'Days of Hezbollah fire',
  leadersKilled: 'Militia commanders killed', iranDirectAttacks: 'Direct Iranian attacks', strikesOnIran: 'US strikes inside Iran',
  turnsPlayed: 'Turns played', scoreUS: 'US score', scoreIran: 'Iran score',
};

const SERIES_LABELS: Readonly<Record<SeriesName, string>> = {
  attacksOnUS: 'Attacks on US forces per turn', attacksOnUSIraq: 'Attacks in Iraq per turn', attacksOnUSSyria: 'Attacks in Syria per turn',
  attacksOnUSJordan: 'Attacks in Jordan per turn', usKilled: 'US deaths, cumulative', usInjured: 'US injured per turn',
  usStrikes: 'US strikes (outside Yemen) per turn', houthiAttacks: 'Houthi attacks per turn',
  hezbollahFireDays: 'Days of Hezbollah fire per turn', rung: 'Escalation rung at turn end',
};

/** Series drawn cumulative rather than per turn (deaths are rare: the running total reads better). */
const CUMULATIVE: ReadonlySet<SeriesName> = new Set(['usKilled']);

/**
 * The assumptions that drive the headline results, with why: the attack tempo and its lethality set
 * the death risk; compliance and the deterrence terms set how fast a halt takes and holds; the war
 * hazard terms set the regional-war probability; the US threshold sets when the US strikes.
 */
export const DRIVERS: readonly ParamId[] = [
  'militiaAttackRate', 'fatalityPerAttack', 'complianceBase', 'complianceEnvoyBonus', 'deterrenceHalfLife', 'deterrenceEffect',
  'provocationEffect', 'warShockBase', 'warHazardPerRung', 'warDurationHazard', 'usStrikeThreshold', 'iranAnswersHomelandStrike',
];

// ── Charts ──────────────────────────────────────────────────────────────────────────────────────
interface Box {
  readonly w: number;
  readonly h: number;
  readonly l: number;
  readonly r: number;
  readonly t: number;
  readonly b: number;
}

function niceMax(x: number): number {
  if (x <= 0) return 1;
  const e = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= x) return m * e;
  return 10 * e;
}

/** Tick labels with enough digits for the axis's scale, trailing zeros dropped (0.025, 2.5, 25). */
export function tick(v: number, top: number): string {
  const digits = top >= 10 ? 1 : top >= 1 ? 2 : 3;
  return String(Number(v.toFixed(digits)));
}

function outcomeBars(outcomes: BatchJson['outcomes']): string {
  const names = OUTCOME_NAMES;
  const box: Box = { w: 900, h: 46 * names.length + 50, l: 300, r: 80, t: 10, b: 40 };
  const x = (p: number) => box.l + p * (box.w - box.l - box.r);
  const parts: string[] = [];
  for (let g = 0; g <= 4; g++) {
    const gx = x(g / 4);
    parts.push(`<line x1="${gx}" y1="${box.t}" x2="${gx}" y2="${box.h - box.b}" class="grid"/>`);
    parts.push(`<text x="${gx}" y="${box.h - box.b + 24}" text-anchor="middle" class="tick">${g * 25} %</text>`);
  }
  names.forEach((name, i) => {
    const o = outcomes[name];
    const y = box.t + i * 46 + 8;
    const w = Math.max(x(o.p) - x(0), 2); // a 0 % bar still shows as a hairline, so the row is visibly measured
    parts.push(`<text x="${box.l - 12}" y="${y + 20}" text-anchor="end" class="label">${esc(OUTCOME_LABELS[name])}</text>`);
    parts.push(`<rect x="${x(0)}" y="${y}" width="${w.toFixed(1)}" height="28" class="bar"><title>${esc(name)} ${pct(o.p)}</title></rect>`);
    parts.push(whisker(x, y, o.ci95));
    parts.push(`<text x="${Math.min(x(o.ci95[1]) + 8, box.w - 70)}" y="${y + 20}" class="value">${pct(o.p)}</text>`);
  });
  return `<svg viewBox="0 0 ${box.w} ${box.h}" width="${box.w}" height="${box.h}" role="img" aria-label="Outcome probabilities">${parts.join('')}</svg>`;
}

function whisker(x: (v: number) => number, y: number, [lo, hi]: readonly [number, number]): string {
  return `<path d="M${x(lo).toFixed(1)} ${y + 14}H${x(hi).toFixed(1)}M${x(lo).toFixed(1)} ${y + 6}V${y + 22}M${x(hi).toFixed(1)} ${y + 6}V${y + 22}" class="whisker"/>`;
}

export function fanChart(title: string, points: BatchJson['series'][SeriesName]['perTurn'], start: string, daysPerTurn: number): string {
  const box: Box = { w: 560, h: 300, l: 56, r: 16, t: 36, b: 44 };
  const n = points.length;
  const top = niceMax(Math.max(...points.map((p) => p.p95), ...points.map((p) => p.mean)));
  const x = (t: number) => box.l + (n <= 1 ? 0.5 : t / (n - 1)) * (box.w - box.l - box.r);
  const y = (v: number) => box.h - box.b - (v / top) * (box.h - box.t - box.b);
  const band = `M${points.map((p) => `${x(p.turn).toFixed(1)} ${y(p.p95).toFixed(1)}`).join('L')}`
    + `L${[...points].reverse().map((p) => `${x(p.turn).toFixed(1)} ${y(p.p5).toFixed(1)}`).join('L')}Z`;
  const line = (key: 'p50' | 'mean') => `M${points.map((p) => `${x(p.turn).toFixed(1)} ${y(p[key]).toFixed(1)}`).join('L')}`;
  const parts = [`<text x="${box.l}" y="22" class="ctitle">${esc(title)}</text>`];
  for (let g = 0; g <= 4; g++) {
    const v = (top * g) / 4;
    parts.push(`<line x1="${box.l}" y1="${y(v)}" x2="${box.w - box.r}" y2="${y(v)}" class="grid"/>`);
    parts.push(`<text x="${box.l - 8}" y="${y(v) + 5}" text-anchor="end" class="tick">${tick(v, top)}</text>`);
  }
  const every = Math.max(1, Math.ceil(n / 6));
  for (const p of points) {
    if (p.turn % every !== 0 && p.turn !== n - 1) continue;
    parts.push(`<text x="${x(p.turn)}" y="${box.h - box.b + 20}" text-anchor="middle" class="tick">${p.turn + 1}</text>`);
  }
  parts.push(`<text x="${(box.l + box.w - box.r) / 2}" y="${box.h - 6}" text-anchor="middle" class="tick">turn (from ${esc(start)}, ${daysPerTurn} days each)</text>`);
  if (points.every((p) => p.p95 === 0 && p.mean === 0)) {
    // Nothing to draw but a line along the axis: say so, rather than leave a chart that looks broken.
    parts.push(`<text x="${(box.l + box.w - box.r) / 2}" y="${(box.t + box.h - box.b) / 2}" text-anchor="middle" class="label">none in any game</text>`);
  }
  parts.push(`<path d="${band}" class="band"><title>5–95 % of games</title></path>`);
  parts.push(`<path d="${line('mean')}" class="mean"><title>mean</title></path>`);
  parts.push(`<path d="${line('p50')}" class="median"><title>median</title></path>`);
  return `<figure><svg viewBox="0 0 ${box.w} ${box.h}" width="${box.w}" height="${box.h}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg></figure>`;
}

/** A signed number: "+0.25", "-1.5", "0". */
export function signed(x: number, d = 3): string {
  return `${x > 0 ? '+' : ''}${num(x, d)}`;
}

/** Signed percentage points, for differences of probabilities: "+4.0 pp". */
const pp = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;

/**
 * The paired differences B − A of the outcome probabilities, on one axis in percentage points (all
 * outcomes share that scale; the metrics do not, so they go in a table).
 */
function outcomeDeltaChart(c: CompareJson): string {
  const names = OUTCOME_NAMES;
  const box: Box = { w: 900, h: 46 * names.length + 50, l: 300, r: 110, t: 10, b: 40 };
  const extent = niceMax(Math.max(...names.map((k) => {
    const d = c.outcomes[k].diff;
    return Math.max(Math.abs(d.mean), Math.abs(d.ci95[0]), Math.abs(d.ci95[1]));
  }), 1e-9));
  const x = (v: number) => box.l + ((v + extent) / (2 * extent)) * (box.w - box.l - box.r);
  const parts = [`<line x1="${x(0)}" y1="${box.t}" x2="${x(0)}" y2="${box.h - box.b}" class="axis"/>`];
  for (const v of [-extent, -extent / 2, 0, extent / 2, extent]) {
    parts.push(`<text x="${x(v)}" y="${box.h - box.b + 24}" text-anchor="middle" class="tick">${v === 0 ? '0' : pp(v)}</text>`);
  }
  names.forEach((name, i) => {
    const d = c.outcomes[name].diff;
    const y = box.t + i * 46 + 8;
    const x0 = Math.min(x(0), x(d.mean));
    const w = Math.max(Math.abs(x(d.mean) - x(0)), 2);
    parts.push(`<text x="${box.l - 12}" y="${y + 20}" text-anchor="end" class="label">${esc(OUTCOME_LABELS[name])}</text>`);
    parts.push(`<rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="28" class="${d.mean >= 0 ? 'bar' : 'bar neg'}"><title>${esc(name)} ${pp(d.mean)}</title></rect>`);
    parts.push(whisker(x, y, d.ci95));
    parts.push(`<text x="${box.w - box.r + 6}" y="${y + 20}" class="value">${pp(d.mean)}</text>`);
  });
  return `<svg viewBox="0 0 ${box.w} ${box.h}" width="${box.w}" height="${box.h}" role="img" aria-label="Compare: outcome differences">${parts.join('')}</svg>`;
}

type Arm = CompareJson['a'];

const paramText = (params: Arm['params']) => Object.entries(params).map(([k, v]) => `${k}=${v}`).join(' ');

/** What an arm is, in full: scenario, bots and parameter overrides. */
function armText(arm: Arm): string {
  const params = paramText(arm.params);
  return `${arm.scenario.id} · US ${arm.policies.us} · Iran ${arm.policies.iran}${params ? ` · ${params}` : ''}`;
}

/** A short name for an arm: only what sets it apart from the other arm (the whole arm if nothing does). */
export function armLabel(arm: Arm, other: Arm): string {
  const parts: string[] = [];
  if (arm.scenario.id !== other.scenario.id || arm.scenario.hash !== other.scenario.hash) parts.push(arm.scenario.id);
  if (arm.policies.us !== other.policies.us) parts.push(`US ${arm.policies.us}`);
  if (arm.policies.iran !== other.policies.iran) parts.push(`Iran ${arm.policies.iran}`);
  const keys = [...new Set([...Object.keys(arm.params), ...Object.keys(other.params)])].sort();
  for (const k of keys) {
    if (arm.params[k] === other.params[k]) continue;
    parts.push(arm.params[k] === undefined ? `${k} default` : `${k}=${arm.params[k]}`);
  }
  return parts.length ? parts.join(', ') : armText(arm);
}

function compareSection(c: CompareJson): string {
  const la = armLabel(c.a, c.b);
  const lb = armLabel(c.b, c.a);
  const outcomeRows = OUTCOME_NAMES.map((k) => {
    const o = c.outcomes[k];
    return `<tr><td>${esc(OUTCOME_LABELS[k])} <code>${esc(k)}</code></td><td>${pct(o.a.p)}</td><td>${pct(o.b.p)}</td><td>${pp(o.diff.mean)}</td><td>${pp(o.diff.ci95[0])} to ${pp(o.diff.ci95[1])}</td></tr>`;
  });
  const metricRows = [...METRIC_NAMES, ...SCORE_NAMES].map((k) => {
    const m = c.metrics[k];
    return `<tr><td>${esc(METRIC_LABELS[k])} <code>${esc(k)}</code></td><td>${num(m.a.mean)}</td><td>${num(m.b.mean)}</td><td>${signed(m.diff.mean)}</td><td>${signed(m.diff.ci95[0])} to ${signed(m.diff.ci95[1])}</td></tr>`;
  });
  return `
<h2>Compare: ${esc(lb)} minus ${esc(la)}</h2>
<p class="sub">A: ${esc(armText(c.a))}<br>B: ${esc(armText(c.b))}<br>${c.runs} pairs of games · seed ${esc(c.seed)} (game i of both arms plays with seed "${esc(c.seed)}:i")</p>
<p class="note">Difference B − A on the same random draws; whiskers: 95 % interval. A whisker crossing zero means the data cannot tell the two apart.</p>
${outcomeDeltaChart(c)}
<table><thead><tr><th>Outcome</th><th>A</th><th>B</th><th>B − A</th><th>95 % interval</th></tr></thead><tbody>${outcomeRows.join('')}</tbody></table>
<table><thead><tr><th>Metric (mean per game)</th><th>A</th><th>B</th><th>B − A</th><th>95 % interval</th></tr></thead><tbody>${metricRows.join('')}</tbody></table>`;
}

// ── Page ────────────────────────────────────────────────────────────────────────────────────────
const CSS = `
body{font:20px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1180px;padding:0 1.5rem;color:#111;background:#fff}
h1{font-size:2rem;margin:.2rem 0}h2{font-size:1.45rem;margin-top:2.2rem;border-bottom:3px solid #234;padding-bottom:.2rem}
.sub{color:#333}.note{color:#444;font-size:.9rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.95rem}th,td{border-bottom:1px solid #bbb;padding:.3rem .7rem;text-align:right}th:first-child,td:first-child{text-align:left}
.grid{stroke:#ddd;stroke-width:1}.axis{stroke:#333;stroke-width:2}.tick{font-size:14px;fill:#333}.label{font-size:17px;fill:#111}.value{font-size:16px;fill:#111;font-weight:600}
.ctitle{font-size:18px;font-weight:600;fill:#111}.bar{fill:#2c5d8f}.bar.neg{fill:#b5522b}.whisker{stroke:#111;stroke-width:2;fill:none}
.band{fill:#9cc3e6;opacity:.75}.median{stroke:#123e6b;stroke-width:3;fill:none}.mean{stroke:#b5522b;stroke-width:2;stroke-dasharray:6 4;fill:none}
.fans{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}svg{max-width:100%;height:auto}
.legend span{display:inline-block;margin-right:1.2rem}.sw{display:inline-block;width:1.6em;height:.7em;margin-right:.35em;vertical-align:middle}
.prov dt{font-weight:600;margin-top:.8rem}.prov dd{margin:.1rem 0 0 1.2rem}.assume{color:#7a2e0e}
@media print{body{font-size:14px}}
`;

export interface ReportInput {
  readonly batch: BatchJson;
  /** The scenario document the batch played (its title, dates, parameter overrides and injects). */
  readonly scenario?: Scenario;
  readonly compare?: CompareJson;
}

function provenance(batch: BatchJson, scenario: Scenario | undefined, compare: CompareJson | undefined): string {
  const items: string[] = [];
  const fromScenario: Readonly<Record<string, number>> = scenario?.params ?? {};
  const fromFlags = batch.params;
  const armParams = compare ? [...Object.keys(compare.a.params), ...Object.keys(compare.b.params)] : [];
  const ids = [...new Set<string>([...DRIVERS, ...Object.keys(fromScenario), ...Object.keys(fromFlags), ...armParams])].filter(isParamId);
  for (const id of ids) {
    const s = PARAM_SPECS[id];
    const value = fromFlags[id] ?? fromScenario[id] ?? s.value;
    const how = fromFlags[id] !== undefined ? ' (set by --param)' : fromScenario[id] !== undefined ? ' (set by this scenario)' : '';
    const cites = s.cites.map((f) => `${f} ${factById(f)?.title ?? ''}`.trim());
    const arms = compare && (compare.a.params[id] !== undefined || compare.b.params[id] !== undefined)
      ? `<dd>In the comparison: A ${esc(String(compare.a.params[id] ?? 'default'))}, B ${esc(String(compare.b.params[id] ?? 'default'))}</dd>` : '';
    items.push(`<dt>${esc(id)} = ${esc(String(value))} ${esc(s.unit)}${how}</dt>`
      + `<dd>${esc(s.description)}</dd>`
      + arms
      + (cites.length ? `<dd>Evidence: ${esc(cites.join('; '))}</dd>` : '')
      + (s.assumption ? `<dd class="assume">Assumption: ${esc(s.assumption)}</dd>` : ''));
  }
  for (const inj of scenario?.injects ?? []) {
    if (!inj.assumption) continue;
    items.push(`<dt>Scenario inject ${esc(inj.id)} (${esc(inj.from)} to ${esc(inj.to)})</dt><dd>${esc(inj.note)}</dd><dd class="assume">Assumption: ${esc(inj.assumption)}</dd>`);
  }
  return `<dl class="prov">${items.join('')}</dl>`;
}

export function renderReport({ batch, scenario, compare }: ReportInput): string {
  const title = scenario?.title ?? batch.scenario.id;
  const start = scenario?.start ?? '';
  const outcomeRows = OUTCOME_NAMES.map((k) => {
    const o = batch.outcomes[k];
    return `<tr><td>${esc(OUTCOME_LABELS[k])}</td><td>${pct(o.p)}</td><td>${pct(o.ci95[0])} – ${pct(o.ci95[1])}</td><td>${o.count}</td></tr>`;
  });
  const metricRows = [...METRIC_NAMES, ...SCORE_NAMES].map((k) => {
    const m = batch.metrics[k];
    return `<tr><td>${esc(METRIC_LABELS[k])} <code>${esc(k)}</code></td><td>${num(m.mean)}</td><td>${num(m.p5)}</td><td>${num(m.p50)}</td><td>${num(m.p95)}</td></tr>`;
  });
  const fans = SERIES_NAMES.map((k) => {
    const s = batch.series[k];
    return fanChart(SERIES_LABELS[k], CUMULATIVE.has(k) ? s.cumulative : s.perTurn, start || 'the start', batch.daysPerTurn);
  });
  const end = start ? addDays(start, batch.turns * batch.daysPerTurn - 1) : '';
  const peak = batch.metrics.peakRung;
  const params = paramText(batch.params);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Brink report: ${esc(title)}</title><style>${CSS}</style></head>
<body>
<h1>Brink · ${esc(title)}</h1>
<p class="sub">Scenario <b>${esc(batch.scenario.id)}</b> (${esc(batch.scenario.hash)})${start ? `, ${esc(start)} to ${esc(end)}` : ''} ·
${batch.runs} games · seed ${esc(batch.seed)} · US bot <b>${esc(batch.policies.us)}</b> · Iran bot <b>${esc(batch.policies.iran)}</b>${params ? ` · ${esc(params)}` : ''}</p>
${batch.complete ? '' : `<p class="assume">Incomplete batch: ${batch.runs} of the ${batch.requested} games asked for finished; the figures below are those games'.</p>`}
<p class="note">Game i played with seed "${esc(batch.seed)}:i": replay any one with <code>brink run --scenario ${esc(batch.scenario.id)} --seed '${esc(batch.seed)}:i' --us-policy ${esc(batch.policies.us)} --iran-policy ${esc(batch.policies.iran)}</code>.</p>
<p>In half the games the ladder peaked at or below rung ${num(peak.p50, 0)} (${esc(rungName(peak.p50))}).</p>

<h2>How often each outcome happened</h2>
<p class="note">Bars: share of the ${batch.runs} games; whiskers: 95 % interval (Wilson) for the true probability under this model. With few games, intervals are wide: read the whiskers, not just the bars.</p>
${outcomeBars(batch.outcomes)}
<table><thead><tr><th>Outcome</th><th>Share</th><th>95 % interval</th><th>Games</th></tr></thead><tbody>${outcomeRows.join('')}</tbody></table>

<h2>Turn by turn</h2>
<p class="legend note"><span><i class="sw" style="background:#9cc3e6"></i>5–95 % of games</span><span><i class="sw" style="background:#123e6b"></i>median</span><span><i class="sw" style="background:#b5522b"></i>mean (dashed)</span></p>
<div class="fans">${fans.join('\n')}</div>

<h2>Totals over the game</h2>
<table><thead><tr><th>Metric</th><th>Mean</th><th>5 %</th><th>Median</th><th>95 %</th></tr></thead><tbody>${metricRows.join('')}</tbody></table>
${compare ? compareSection(compare) : ''}

<h2>Where the numbers come from</h2>
<p class="note">The assumptions that drive these results, with their evidence. Anything marked "Assumption" is a judgement where the sources are silent: challenge it, change it (<code>--param</code>), and rerun. <code>brink explain ID</code> gives the full chain.</p>
${provenance(batch, scenario, compare)}
</body></html>
`;
  return html;
}
