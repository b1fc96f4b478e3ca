import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chromium, type BrowserContext } from 'playwright-core';
import { BatchSchema, runInProcess, wilson, type Batch, type Compare } from '../../src/report/batch.ts';
import { renderReport } from '../../src/report/html.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { main } from '../../src/cli/main.ts';
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
const batch: Batch = runInProcess(sc, { runs: 60, seed: 'report', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
const compare: Compare = {
  schema: 'brink.compare/1', a: { label: 'historical' }, b: { label: 'hawk' },
  deltas: { attacksOnUS: { mean: -1.5, ci95: [-2.4, -0.6] }, regionalWar: { mean: 0.02, ci95: [0.0, 0.05] }, usKilled: { mean: 0.3 } },
};

describe('in-process batch (brink.batch/1)', () => {
  it('matches the batch contract and its own games', () => {
    expect(BatchSchema.safeParse(batch).success).toBe(true);
    expect(batch.turns).toBe(sc.turns);
    for (const key of ['attacksOnUS', 'attacksOnUSIraq', 'attacksOnUSSyria', 'usKilled', 'usInjured', 'usStrikes', 'houthiAttacks', 'rung']) {
      expect(batch.series[key]!.perTurn.length).toBe(sc.turns);
    }
    for (const o of Object.values(batch.outcomes)) {
      expect(o.ci95[0]).toBeLessThanOrEqual(o.p);
      expect(o.p).toBeLessThanOrEqual(o.ci95[1]);
    }
    // The cumulative median of the last turn cannot fall below the metric's per-game minimum band.
    const last = batch.series.attacksOnUS!.cumulative.at(-1)!;
    expect(last.mean).toBeCloseTo(batch.metrics.attacksOnUS!.mean, 9);
  });

  it('Wilson intervals contain the observed share and stay in [0, 1]', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const k = Math.round(f * n);
      const [lo, hi] = wilson(k, n);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
      expect(lo).toBeLessThanOrEqual(k / n + 1e-12);
      expect(hi).toBeGreaterThanOrEqual(k / n - 1e-12);
    }));
  });
});

describe('the HTML report', () => {
  const html = renderReport({ batch, scenario: sc, compare });

  it('is self-contained: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('<style>');
  });

  it('names the driving assumptions with their evidence', () => {
    expect(html).toContain('militiaAttackRate');
    expect(html).toContain('F-01 Attacks on US forces before 2 Feb');
    expect(html).toContain('Compare: hawk minus historical');
  });

  it('escapes text taken from files', () => {
    const evil = renderReport({ batch: { ...batch, policies: { us: '<img onerror=x>', iran: 'a&b' } } });
    expect(evil).not.toContain('<img onerror');
    expect(evil).toContain('&lt;img onerror=x&gt;');
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
      return { label: svg.getAttribute('aria-label') || '', w: r.width, h: r.height, shapes };
    })`)) as { label: string; w: number; h: number; shapes: { cls: string; w: number; h: number }[] }[];
    // outcome bars + one fan chart per series + the compare deltas
    expect(charts.length).toBe(1 + Object.keys(batch.series).length + 1);
    for (const c of charts) {
      expect(c.w, c.label).toBeGreaterThan(100);
      expect(c.h, c.label).toBeGreaterThan(50);
      expect(c.shapes.some((s) => s.w > 0 && s.h > 0), c.label).toBe(true);
    }
    const fans = charts.filter((c) => c.shapes.some((s) => s.cls === 'band'));
    expect(fans.length).toBe(Object.keys(batch.series).length);
    for (const f of fans) expect(f.shapes.find((s) => s.cls === 'median')!.w, f.label).toBeGreaterThan(100);
    const bars = charts.find((c) => c.label === 'Outcome probabilities')!;
    expect(bars.shapes.filter((s) => s.cls === 'bar').length).toBe(Object.keys(batch.outcomes).length);
    await page.close();
  }, 60_000);
});

describe('brink report', () => {
  it('writes a report from a brink.batch/1 file, with a compare file', async () => {
    const from = join(dir, 'batch.json');
    const cmp = join(dir, 'compare.json');
    const out = join(dir, 'from.html');
    writeFileSync(from, JSON.stringify(batch));
    writeFileSync(cmp, JSON.stringify(compare));
    const c = capture();
    expect(await main(['report', '--from', from, '--compare', cmp, '--out', out], c.io)).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Tower 22');
    expect(text).toContain('Compare: hawk minus historical');
  });

  it('plays the games itself when not given --from', async () => {
    const out = join(dir, 'played.html');
    const c = capture();
    expect(await main(['report', '--scenario', 'red-sea', '--runs', '12', '--seed', '4', '--out', out], c.io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('12 games · seed 4');
  });

  it('exits 2 on a missing --out, a bad file, or a file of the wrong format', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 'brink.run/1' }));
    for (const args of [['report'], ['report', '--from', join(dir, 'nope.json'), '--out', join(dir, 'x.html')], ['report', '--from', bad, '--out', join(dir, 'x.html')]]) {
      const c = capture();
      expect(await main(args, c.io)).toBe(2);
      expect(c.err.join('\n')).toMatch(/--out|--from/);
    }
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });
});
