/**
 * The report's charts. Each is a <figure> whose caption gives it an accessible name and a description,
 * with its numbers in a data table behind a <details> (so a screen reader, a student copying figures,
 * or a phone too narrow for the picture all get them). Bar charts are HTML, not SVG: their labels are
 * real text that wraps on a phone instead of shrinking with a scaled picture. Fan charts are SVG drawn
 * on a small canvas (340 units) so that a phone shows them near 1:1 and their 12-unit ticks stay
 * readable; on a wide screen they grow.
 */
import { meanText } from '../batch/charts.ts';
import { dateHtml, esc, table } from './page.ts';

export interface FigureParts {
  /** Unique within the page: the ids of the caption parts derive from it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The picture; it is labelled by the caption. */
  readonly picture: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function figure(f: FigureParts): string {
  return (
    `<figure id="${f.id}" aria-labelledby="${f.id}-t" aria-describedby="${f.id}-d">` +
    `<figcaption><span class="ftitle" id="${f.id}-t">${esc(f.title)}</span><span class="fdesc" id="${f.id}-d">${esc(f.description)}</span></figcaption>` +
    f.picture +
    `<details><summary>Data table: ${esc(f.title)}</summary>${table(f.head, f.rows)}</details></figure>`
  );
}

/** The picture's own accessible name, pointing at the caption. */
const imgRole = (id: string) => `role="img" aria-labelledby="${id}-t" aria-describedby="${id}-d"`;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const at = (x: number) => `${(clamp01(x) * 100).toFixed(2)}%`;

export interface BarRow {
  readonly label: string;
  /** Where the bar ends, on the axis (0–1 of the axis for share charts, signed for difference charts). */
  readonly value: number;
  readonly interval: readonly [number, number];
  readonly text: string;
}

/** Horizontal bars on a 0–100 % axis with whiskers for the 95 % interval. */
export function shareBars(id: string, rows: readonly BarRow[]): string {
  const body = rows.map(
    (r) =>
      `<div class="brow"><span class="blabel">${esc(r.label)}</span>` +
      `<span class="btrack"><span class="bfill" style="width:${at(r.value)}"></span>` +
      `<span class="bwhisk" style="left:${at(r.interval[0])};width:${at(r.interval[1] - r.interval[0])}"></span></span>` +
      `<span class="bval">${esc(r.text)}</span></div>`,
  );
  // The quarter ticks give way on a phone (class "minor"), where five labels would touch.
  const ticks = [0, 25, 50, 75, 100].map((t) => `<span style="left:${t}%"${t % 50 ? ' class="minor"' : ''}>${t} %</span>`).join('');
  body.push(`<div class="brow axisrow"><span class="blabel"></span><span class="bticks">${ticks}</span><span></span></div>`);
  return `<div class="bars" ${imgRole(id)}>${body.join('')}</div>`;
}

export interface ScaleRow {
  readonly label: string;
  /** Where the bar ends, on the axis 0–max. */
  readonly value: number;
  readonly interval?: readonly [number, number];
  readonly text: string;
  /** Drawn hatched (the label says why in words too: the pattern is never the only sign). */
  readonly hatched?: boolean;
}

/**
 * Bars from zero on an axis 0–max (sensitivity indices), whiskers where an interval is given. What runs
 * past an end of the axis is never cut silently: a whisker cut there ends in an arrow (classes cut-lo,
 * cut-hi), and the caller's note says which. `limit` draws a dashed line across the tracks at that value
 * (the 1 a share of variance cannot pass, on an axis drawn past it).
 */
export function scaleBars(
  id: string,
  rows: readonly ScaleRow[],
  max: number,
  ticks: readonly number[],
  tickText: (v: number) => string,
  limit?: number,
): string {
  const pos = (v: number) => clamp01(v / max);
  const whisker = ([lo, hi]: readonly [number, number]) => {
    const cut = `${lo < 0 ? ' cut-lo' : ''}${hi > max ? ' cut-hi' : ''}`;
    return `<span class="bwhisk${cut}" style="left:${at(pos(lo))};width:${at(pos(hi) - pos(lo))}"></span>`;
  };
  const line = limit === undefined ? '' : `<span class="blimit" style="left:${at(pos(limit))}"></span>`;
  const body = rows.map(
    (r) =>
      `<div class="brow"><span class="blabel">${esc(r.label)}</span>` +
      `<span class="btrack"><span class="bfill${r.hatched ? ' hatch' : ''}" style="width:${at(pos(r.value))}"></span>` +
      line +
      (r.interval ? whisker(r.interval) : '') +
      `</span><span class="bval">${esc(r.text)}</span></div>`,
  );
  const marks = ticks.map((t) => `<span style="left:${at(pos(t))}">${esc(tickText(t))}</span>`).join('');
  body.push(`<div class="brow axisrow"><span class="blabel"></span><span class="bticks">${marks}</span><span></span></div>`);
  return `<div class="bars" ${imgRole(id)}>${body.join('')}</div>`;
}

/** Bars from a zero line on a symmetric axis ±extent, for paired differences. */
export function differenceBars(id: string, rows: readonly BarRow[], extent: number, tickText: (v: number) => string): string {
  const pos = (v: number) => 0.5 + v / (2 * extent);
  const body = rows.map((r) => {
    const lo = Math.min(pos(0), pos(r.value));
    const hi = Math.max(pos(0), pos(r.value));
    return (
      `<div class="brow"><span class="blabel">${esc(r.label)}</span>` +
      `<span class="btrack"><span class="bfill${r.value < 0 ? ' neg' : ''}" style="left:${at(lo)};width:${at(hi - lo)}"></span>` +
      `<span class="bzero" style="left:50%"></span>` +
      `<span class="bwhisk" style="left:${at(pos(r.interval[0]))};width:${at(pos(r.interval[1]) - pos(r.interval[0]))}"></span></span>` +
      `<span class="bval">${esc(r.text)}</span></div>`
    );
  });
  const ticks = [-extent, 0, extent].map((v) => `<span style="left:${at(pos(v))}">${esc(tickText(v))}</span>`).join('');
  body.push(`<div class="brow axisrow"><span class="blabel"></span><span class="bticks">${ticks}</span><span></span></div>`);
  return `<div class="bars" ${imgRole(id)}>${body.join('')}</div>`;
}

/**
 * Integer ticks for a count axis: the smallest step of 1, 2 or 5 × 10^k that covers `max` in at most
 * five intervals, so an axis never reads 1.25 attacks. A quantity with a `bound` (days of fire in a
 * 7-day turn) never gets an axis past it: where the rounded top would pass the bound, the axis ends on
 * the bound, so that 7 days of 7 read as the top of the chart, not 7 of an impossible 8.
 */
export function countTicks(max: number, bound = Number.POSITIVE_INFINITY): number[] {
  const target = Math.max(1, Math.ceil(max - 1e-9));
  let step = 1;
  for (let e = 1; ; e *= 10) {
    const found = [1, 2, 5].map((m) => m * e).find((s) => Math.ceil(target / s) <= 5);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const top = step * Math.ceil(target / step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return top <= bound ? ticks : [...ticks.filter((v) => v < bound), bound];
}

export interface FanPoint {
  readonly turn: number;
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

export interface FanSpec {
  readonly id: string;
  readonly title: string;
  /** The y axis's unit, written at its top ("attacks per turn"). */
  readonly unit: string;
  /** The most the quantity can be in a turn, where it has a most (countTicks): its axis never runs past it. */
  readonly bound?: number;
  readonly points: readonly FanPoint[];
  /** The date each turn starts, for the x axis's caption and the table. */
  readonly dates: readonly string[];
  readonly daysPerTurn: number;
}

/** "1", "1 and 2", "1, 2 and 4". */
const turnList = (turns: readonly number[]) =>
  turns.length <= 1 ? String(turns[0] ?? '') : `${turns.slice(0, -1).join(', ')} and ${turns[turns.length - 1]}`;

/**
 * What the median line does, in a sentence for the chart's description: flat where every turn's median
 * is the same, else the turn (or the turns, on a tie) where it is highest; nothing where it never rises above 0.
 */
export function medianNote(points: readonly Pick<FanPoint, 'turn' | 'p50'>[]): string {
  if (points.length === 0) return '';
  const top = Math.max(...points.map((p) => p.p50));
  if (points.length > 1 && points.every((p) => p.p50 === top)) return `The median is flat: ${top} in every turn.`;
  if (top <= 0) return '';
  const at = points.filter((p) => p.p50 === top).map((p) => p.turn + 1);
  return `The median is highest in ${at.length === 1 ? 'turn' : 'turns'} ${turnList(at)} (${top}).`;
}

/** One series over the turns: the 5–95 % band of games, the median and the mean. */
export function fanChart(s: FanSpec): string {
  const W = 340;
  const H = 220;
  const l = 34;
  const r = 10;
  const t = 24;
  const b = 40;
  const points = s.points;
  const n = points.length;
  const ticks = countTicks(Math.max(0, ...points.map((p) => Math.max(p.p95, p.mean))), s.bound);
  const top = ticks[ticks.length - 1]!;
  const x = (turn: number) => l + (n <= 1 ? 0.5 : turn / (n - 1)) * (W - l - r);
  const y = (v: number) => H - b - (v / top) * (H - t - b);
  const xy = (turn: number, v: number) => `${x(turn).toFixed(1)} ${y(v).toFixed(1)}`;
  const parts: string[] = [`<title>${esc(s.title)}</title>`];
  parts.push(`<text x="${l - 4}" y="13" class="unit">${esc(s.unit)}</text>`);
  for (const v of ticks) {
    parts.push(`<line x1="${l}" y1="${y(v).toFixed(1)}" x2="${W - r}" y2="${y(v).toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${l - 5}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="tick">${v}</text>`);
  }
  parts.push(`<line x1="${l}" y1="${H - b}" x2="${W - r}" y2="${H - b}" class="axis"/>`);
  const every = Math.max(1, Math.ceil(n / 6));
  for (const p of points) {
    if (p.turn % every !== 0 && p.turn !== n - 1) continue;
    parts.push(`<text x="${x(p.turn).toFixed(1)}" y="${H - b + 16}" text-anchor="middle" class="tick">${p.turn + 1}</text>`);
  }
  parts.push(`<text x="${(l + W - r) / 2}" y="${H - 6}" text-anchor="middle" class="unit">turn (${s.daysPerTurn} days each)</text>`);
  if (points.every((p) => p.p95 === 0 && p.mean === 0)) {
    // Nothing to draw but a line along the axis: say so, rather than leave a chart that looks broken.
    parts.push(`<text x="${(l + W - r) / 2}" y="${(t + H - b) / 2}" text-anchor="middle" class="empty">none in any game</text>`);
  }
  const band = `M${points.map((p) => xy(p.turn, p.p95)).join('L')}L${[...points]
    .reverse()
    .map((p) => xy(p.turn, p.p5))
    .join('L')}Z`;
  const line = (key: 'p50' | 'mean') => `M${points.map((p) => xy(p.turn, p[key])).join('L')}`;
  parts.push(`<path d="${band}" class="band"/>`, `<path d="${line('mean')}" class="mean"/>`, `<path d="${line('p50')}" class="median"/>`);
  const picture = `<svg viewBox="0 0 ${W} ${H}" ${imgRole(s.id)}>${parts.join('')}</svg>`;
  const median = medianNote(points);
  const description =
    `Vertical axis: ${s.unit}. For each turn, the band holds the middle 90 % of games; the solid line is the median, the dashed line the mean.` +
    (median ? ` ${median}` : '');
  return figure({
    id: s.id,
    title: s.title,
    description,
    picture,
    head: ['Turn', 'Starts', '5 %', 'Median', 'Mean', '95 %'],
    rows: points.map((p) => [
      String(p.turn + 1),
      dateHtml(s.dates[p.turn] ?? ''),
      String(p.p5),
      String(p.p50),
      meanText(p.mean),
      String(p.p95),
    ]),
  });
}
