/**
 * The classroom report renders the Monte Carlo layer's own JSON (brink.batch/1, brink.compare/1): files
 * written by the real `brink batch --json` and `brink compare --json`, and, without --from, the same
 * batch run in-process through startBatch.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { BatchSchema, CompareSchema, type BatchJson, type CompareJson } from '../../src/batch/contract.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, SERIES_NAMES } from '../../src/batch/record.ts';
import { METRIC_LABELS, OUTCOME_LABELS, armLabel, esc, renderReport, signed } from '../../src/report/html.ts';
import { main } from '../../src/cli/main.ts';
import { brink } from '../helpers/cli.ts';
import { scenario } from '../helpers/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'brink-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
};

const sc = scenario('tower-22');
const RUNS = '40';
const SEED = 'report';
const batchFile = join(dir, 'batch.json');
const compareFile = join(dir, 'compare.json');
let batch: BatchJson;
let compare: CompareJson;

/** The real commands, as a teacher would run them, their stdout saved as files. */
beforeAll(() => {
  const b = brink(['batch', '--scenario', 'tower-22', '--runs', RUNS, '--seed', SEED, '--workers', '2', '--json']);
  expect(b.code, b.stderr).toBe(0);
  writeFileSync(batchFile, b.stdout);
  batch = BatchSchema.parse(JSON.parse(b.stdout));
  const c = brink(['compare', '--scenario', 'tower-22', '--runs', RUNS, '--seed', SEED, '--us-policy-b', 'hawk', '--workers', '2', '--json']);
  expect(c.code, c.stderr).toBe(0);
  writeFileSync(compareFile, c.stdout);
  compare = CompareSchema.parse(JSON.parse(c.stdout));
}, 60_000);

/** The cells of the table row whose first cell contains `label` (tags stripped, entities decoded). */
function row(html: string, label: string): string[] {
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!));
  const found = rows.filter((cells) => cells[0]?.includes(label));
  expect(found, label).toHaveLength(1);
  return found[0]!.map((c) => c.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}

describe('the HTML report', () => {
  let html: string;
  beforeAll(() => {
    html = renderReport({ batch, scenario: sc, compare });
  });

  it('is self-contained: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('<style>');
  });

  it('labels every outcome and metric of the contract, and names the driving assumptions with their evidence', () => {
    for (const k of OUTCOME_NAMES) expect(html).toContain(esc(OUTCOME_LABELS[k]));
    for (const k of [...METRIC_NAMES, ...SCORE_NAMES]) expect(html).toContain(`${esc(METRIC_LABELS[k])} <code>${k}</code>`);
    expect(html).toContain('militiaAttackRate');
    expect(html).toContain('F-01 Attacks on US forces before 2 Feb');
  });

  it('escapes text taken from files', () => {
    const evil = renderReport({ batch: { ...batch, policies: { us: '<img onerror=x>', iran: 'a&b' } } });
    expect(evil).not.toContain('<img onerror');
    expect(evil).toContain('&lt;img onerror=x&gt;');
  });

  it('names compare arms by what sets them apart', () => {
    expect(armLabel(compare.b, compare.a)).toBe('US hawk');
    const p = { ...compare.a, params: { fatalityPerAttack: 0.02 } };
    expect(armLabel(p, compare.a)).toBe('fatalityPerAttack=0.02');
    expect(armLabel(compare.a, p)).toBe('fatalityPerAttack default');
    expect(armLabel(compare.a, compare.a)).toBe('tower-22 · US historical · Iran historical');
  });
});

describe('brink report', () => {
  it('renders a real brink batch --json file with a real brink compare --json file: every paired difference, signed', async () => {
    const out = join(dir, 'from.html');
    const c = capture();
    expect(await main(['report', '--from', batchFile, '--compare', compareFile, '--out', out], c.io), c.err.join('\n')).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Tower 22');
    expect(text).toContain('Compare: US hawk minus US historical');
    for (const k of [...METRIC_NAMES, ...SCORE_NAMES]) {
      const m = compare.metrics[k];
      const cells = row(text.slice(text.indexOf('Compare:')), `<code>${k}</code>`);
      expect(cells.slice(1), k).toEqual([m.a.mean, m.b.mean].map((x) => (Number.isInteger(x) ? String(x) : x.toFixed(2)))
        .concat(signed(m.diff.mean), `${signed(m.diff.ci95[0])} to ${signed(m.diff.ci95[1])}`));
    }
    for (const k of OUTCOME_NAMES) {
      const d = compare.outcomes[k].diff.mean;
      const cells = row(text.slice(text.indexOf('Compare:')), `<code>${k}</code>`);
      expect(cells[3], k).toBe(`${d > 0 ? '+' : ''}${(d * 100).toFixed(1)} pp`);
    }
    // The arms really differ (hawk and historical bots): some differences are clear of zero, and each is shown with its sign.
    const clear = [...METRIC_NAMES, ...SCORE_NAMES].filter((k) => compare.metrics[k].diff.ci95[0] > 0 || compare.metrics[k].diff.ci95[1] < 0);
    expect(clear.length).toBeGreaterThan(0);
    for (const k of clear) {
      const d = compare.metrics[k].diff.mean;
      const cell = row(text.slice(text.indexOf('Compare:')), `<code>${k}</code>`)[3]!;
      expect(cell.startsWith(d > 0 ? '+' : '-'), `${k} ${cell}`).toBe(true);
      expect(Number(cell), k).toBeCloseTo(d, 3);
    }
  });

  it('without --from shows exactly the numbers of brink batch --json for the same scenario, runs and seed', async () => {
    const out = join(dir, 'played.html');
    const c = capture();
    expect(await main(['report', '--scenario', 'tower-22', '--runs', RUNS, '--seed', SEED, '--workers', '1', '--out', out], c.io), c.err.join('\n')).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`${RUNS} games · seed ${SEED}`);
    const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 ? 1 : 0)} %`;
    for (const k of OUTCOME_NAMES) {
      const o = batch.outcomes[k];
      expect(row(text, esc(OUTCOME_LABELS[k])), k).toEqual([OUTCOME_LABELS[k], pct(o.p), `${pct(o.ci95[0])} – ${pct(o.ci95[1])}`, String(o.count)]);
    }
    const fromFile = join(dir, 'from-same.html');
    expect(await main(['report', '--from', batchFile, '--out', fromFile], capture().io)).toBe(0);
    expect(text).toBe(readFileSync(fromFile, 'utf8')); // the whole page: every metric and every fan chart too
  }, 30_000);

  it('exits 2 with a clear message on a missing --out, an unreadable or wrong-format file, or play flags with --from', async () => {
    const runFile = join(dir, 'run.json');
    writeFileSync(runFile, JSON.stringify({ schema: 'brink.run/1' }));
    const oldCompare = join(dir, 'old-compare.json');
    writeFileSync(oldCompare, JSON.stringify({ schema: 'brink.compare/1', a: { label: 'x' }, b: { label: 'y' }, deltas: { attacksOnUS: { mean: 1 } } }));
    const x = join(dir, 'x.html');
    const cases: [string[], RegExp][] = [
      [['report'], /--out/],
      [['report', '--from', join(dir, 'nope.json'), '--out', x], /--from: cannot read .*ENOENT/],
      [['report', '--from', runFile, '--out', x], /--from: .* is not a brink\.batch\/1 .*file/],
      [['report', '--from', compareFile, '--out', x], /--from: .* is not a brink\.batch\/1/],
      [['report', '--from', batchFile, '--compare', batchFile, '--out', x], /--compare: .* is not a brink\.compare\/1/],
      [['report', '--from', batchFile, '--compare', oldCompare, '--out', x], /--compare: .* is not a brink\.compare\/1/],
      [['report', '--from', batchFile, '--runs', '5', '--out', x], /--runs describes games to play; --from/],
      [['report', '--from', batchFile, '--scenario', 'red-sea', '--out', x], /--scenario: .* is not the scenario the --from batch played/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      expect(await main(args, c.io), args.join(' ')).toBe(2);
      expect(c.err.join('\n'), args.join(' ')).toMatch(message);
      expect(c.err.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(existsSync(x)).toBe(false);
  });
});

describe('the report in headless Chromium', () => {
  let context: BrowserContext | undefined;
  let profile: string;
  const file = join(dir, 'report.html');

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is required for this test and was not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this).`);
    }
    writeFileSync(file, renderReport({ batch, scenario: sc, compare }));
    profile = mkdtempSync(join(tmpdir(), 'brink-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders with no console errors, no page errors, no network, and charts with content', async () => {
    const page = await context!.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    // Evaluated in the page (as a string: the test's TypeScript has no DOM types).
    const charts = (await page.evaluate(`[...document.querySelectorAll('svg')].map((svg) => {
      const r = svg.getBoundingClientRect();
      const shapes = [...svg.querySelectorAll('path, rect')].map((el) => {
        const b = el.getBBox();
        return { cls: el.getAttribute('class') || '', w: b.width, h: b.height };
      });
      return { label: svg.getAttribute('aria-label') || '', w: r.width, h: r.height, shapes, text: svg.textContent || '' };
    })`)) as { label: string; w: number; h: number; text: string; shapes: { cls: string; w: number; h: number }[] }[];
    // outcome bars + one fan chart per series + the compare's outcome differences
    expect(charts.length).toBe(1 + SERIES_NAMES.length + 1);
    for (const c of charts) {
      expect(c.w, c.label).toBeGreaterThan(100);
      expect(c.h, c.label).toBeGreaterThan(50);
    }
    const fans = charts.filter((c) => c.shapes.some((s) => s.cls === 'band'));
    expect(fans.length).toBe(SERIES_NAMES.length);
    SERIES_NAMES.forEach((name, i) => {
      const f = fans[i]!;
      expect(f.shapes.find((s) => s.cls === 'median')!.w, f.label).toBeGreaterThan(100);
      // A series no game ever had (e.g. no deaths in a small batch) says so; any other has a band with area.
      const points = name === 'usKilled' ? batch.series[name].cumulative : batch.series[name].perTurn;
      const empty = points.every((p) => p.p95 === 0 && p.mean === 0);
      expect(f.text.includes('none in any game'), f.label).toBe(empty);
      if (!empty) expect(f.shapes.some((s) => s.cls === 'band' && s.w > 0 && s.h > 0), f.label).toBe(true);
    });
    for (const c of charts.filter((ch) => !fans.includes(ch))) expect(c.shapes.some((s) => s.w > 0 && s.h > 0), c.label).toBe(true);
    const bars = charts.find((c) => c.label === 'Outcome probabilities')!;
    expect(bars.shapes.filter((s) => s.cls === 'bar').length).toBe(OUTCOME_NAMES.length);
    const deltas = charts.find((c) => c.label === 'Compare: outcome differences')!;
    expect(deltas.shapes.filter((s) => s.cls.startsWith('bar')).length).toBe(OUTCOME_NAMES.length);
    await page.close();
  }, 60_000);
});
