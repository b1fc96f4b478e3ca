/**
 * The report as people see it: rendered by headless Chromium on a 1280 px screen, on a 390 px phone,
 * and printed to A4 PDF. The page under test is the one `brink report` writes for a real batch with a
 * real `brink compare --json` file and a real `brink sensitivity --json` file, so every section (outcomes,
 * the two single games, fans, compare, what drives the uncertainty, limitations, provenance) is on it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SERIES_NAMES } from '../../src/batch/record.ts';
import { SENSITIVITY_OUTCOMES } from '../../src/analysis/uncertainty/measures.ts';
import { SHOWN_OUTCOMES } from '../../src/report/html.ts';
import { main } from '../../src/cli/main.ts';
import { buildSave, saveText, type PlaySide } from '../../src/engine/save.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { playGame } from '../../src/policies/play.ts';
import { scenario } from '../helpers/fixtures.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { brink } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-render-'));
const file = join(dir, 'report.html');
/** The same report without the sensitivity section: the print bound below was set for it. */
const baseFile = join(dir, 'report-base.html');
const classFile = join(dir, 'class.html');
const oneFile = join(dir, 'class-of-one.html');
let browser: Browser | undefined;

const quiet = { out: () => {}, err: () => {} };
const sc = scenario('tower-22');

beforeAll(async () => {
  const c = brink([
    'compare',
    '--scenario',
    'tower-22',
    '--runs',
    '30',
    '--seed',
    'render',
    '--us-policy-b',
    'hawk',
    '--workers',
    '1',
    '--json',
  ]);
  expect(c.code, c.stderr).toBe(0);
  const compareFile = join(dir, 'compare.json');
  writeFileSync(compareFile, c.stdout);
  // What drives the uncertainty, from a (tiny) real brink sensitivity run.
  const s = brink([
    'sensitivity',
    '--scenario',
    'tower-22',
    '--trajectories',
    '2',
    '--top',
    '6',
    '--sobol-n',
    '4',
    '--games',
    '1',
    '--seed',
    'render',
    '--workers',
    '1',
    '--json',
  ]);
  expect(s.code, s.stderr).toBe(0);
  const sensitivityFile = join(dir, 'sensitivity.json');
  writeFileSync(sensitivityFile, s.stdout);
  expect(
    await main(
      [
        'report',
        '--scenario',
        'tower-22',
        '--runs',
        '60',
        '--seed',
        'render',
        '--workers',
        '1',
        '--compare',
        compareFile,
        '--sensitivity',
        sensitivityFile,
        '--out',
        file,
      ],
      quiet,
    ),
  ).toBe(0);
  expect(
    await main(
      [
        'report',
        '--scenario',
        'tower-22',
        '--runs',
        '60',
        '--seed',
        'render',
        '--workers',
        '1',
        '--compare',
        compareFile,
        '--out',
        baseFile,
      ],
      quiet,
    ),
  ).toBe(0);
  // A class's report too: three groups' saves of one scenario and seed.
  const saves = [
    ['hawk', 'historical', 'us'],
    ['dove', 'historical', 'us'],
    ['historical', 'tit-for-tat', 'both'],
  ].map(([us, iran, side], i) => {
    const state = playGame(sc, { seed: 'render-class', us: getPolicy(us!, 'us'), iran: getPolicy(iran!, 'iran') });
    const save = join(dir, `group-${i + 1}.save.json`);
    writeFileSync(save, saveText(buildSave(state, { side: side as PlaySide, opponent: side === 'both' ? null : iran! })));
    return save;
  });
  expect(await main(['report', '--games', ...saves, '--runs', '20', '--workers', '1', '--out', classFile], quiet)).toBe(0);
  // And a class of one, whose group named its file at length and saved before the end (a playtest's report: 1371 px at 1280).
  let one = newGame(sc, { seed: 'render-one' });
  const bots = { us: getPolicy('tit-for-tat', 'us'), iran: getPolicy('historical', 'iran') };
  for (let t = 0; t < 2; t++) one = step(one, { us: chooseAction(one, 'us', bots.us), iran: chooseAction(one, 'iran', bots.iran) }).state;
  const long = join(dir, 'period-3-team-blue-washington-hawks.save.json');
  writeFileSync(long, saveText(buildSave(one, { side: 'iran', opponent: 'tit-for-tat' })));
  expect(await main(['report', '--games', long, '--runs', '20', '--workers', '1', '--out', oneFile], quiet)).toBe(0);
  // Debian's chromium when installed, else the one inside the @sparticuz/chromium devDependency; the
  // helper's error says what it tried when neither starts.
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(width: number, path = file): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser!.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

// The page's own checks, evaluated in the page as strings (the test's TypeScript has no DOM types).

/** Every visible piece of text, with the size it is drawn at: CSS size times any SVG scaling. */
const TEXT_SIZES = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim() !== '').map((n) => n.textContent.trim()).join(' ');
    if (!own) continue;
    const rects = el.getClientRects();
    if (rects.length === 0 || [...rects].every((r) => r.width === 0 || r.height === 0)) continue; // not shown (closed <details>, display:none)
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    let size = parseFloat(style.fontSize);
    if (el instanceof SVGElement && el.getScreenCTM) size *= el.getScreenCTM().a;
    out.push({ tag: el.tagName.toLowerCase(), cls: el.getAttribute('class') || '', text: own.slice(0, 40), size });
  }
  return out;
})()`;

const OVERFLOW = `(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
  wide: [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
    && !el.closest('.scroll, .cmd')).map((el) => el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '') + ': ' + (el.textContent || '').slice(0, 30)) }))()`;

const OPEN_ALL_DETAILS = `document.querySelectorAll('details').forEach((d) => { d.open = true; })`;

interface FigureInfo {
  name: string;
  description: string;
  hasTable: boolean;
  tableRows: number;
  picture: string;
  w: number;
  h: number;
  bars: number;
  bands: number;
}

/** Each figure: its accessible name and description (from aria-labelledby/-describedby), its picture and its data table. */
const FIGURES = `[...document.querySelectorAll('figure')].map((f) => {
  const text = (ids) => (ids || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
  const pic = f.querySelector('[role=img]');
  const r = pic ? pic.getBoundingClientRect() : { width: 0, height: 0 };
  const table = f.querySelector('details table');
  return {
    name: text(f.getAttribute('aria-labelledby')), description: text(f.getAttribute('aria-describedby')),
    picName: pic ? text(pic.getAttribute('aria-labelledby')) : '',
    hasTable: !!table, tableRows: table ? table.querySelectorAll('tbody tr').length : 0,
    picture: pic ? pic.tagName.toLowerCase() : '', w: r.width, h: r.height,
    bars: f.querySelectorAll('.bfill').length, bands: [...f.querySelectorAll('path.band')].filter((p) => { const b = p.getBBox(); return b.width > 0 && b.height > 0; }).length,
  };
})`;

describe('the report in headless Chromium', () => {
  it('at 1280 px: no errors, no network; every chart is a figure with a name, a description, a picture and a data table', async () => {
    const { page, errors, requests } = await open(1280);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const figures = (await page.evaluate(FIGURES)) as (FigureInfo & { picName: string })[];
    // how the games ended + one fan chart per series + the comparison's differences + the Morris screen and one Sobol chart per outcome
    expect(figures.length).toBe(1 + SERIES_NAMES.length + 1 + 1 + SENSITIVITY_OUTCOMES.length);
    for (const f of figures) {
      expect(f.name.length, JSON.stringify(f)).toBeGreaterThan(5);
      expect(f.picName, f.name).toBe(f.name);
      expect(f.description.length, f.name).toBeGreaterThan(20);
      expect(f.hasTable, f.name).toBe(true);
      expect(f.tableRows, f.name).toBeGreaterThan(0);
      expect(f.w, f.name).toBeGreaterThan(300);
      expect(f.h, f.name).toBeGreaterThan(50);
    }
    const outcomes = figures.find((f) => f.name === 'How often each outcome happened')!;
    expect(outcomes.bars).toBe(SHOWN_OUTCOMES.length);
    expect(outcomes.tableRows).toBe(SHOWN_OUTCOMES.length);
    const screen = figures.find((f) => f.name === 'Which parameters move the outcomes (Morris screening)')!;
    expect(screen.bars).toBe(12);
    expect(screen.tableRows).toBeGreaterThan(12); // every screened parameter
    for (const f of figures.filter((x) => x.name.startsWith('What drives the spread of:'))) expect(f.bars, f.name).toBe(6);
    const fans = figures.filter((f) => f.picture === 'svg');
    expect(fans.length).toBe(SERIES_NAMES.length);
    for (const f of fans) expect(f.tableRows, f.name).toBe(4); // tower-22: four turns
    await page.close();
  });

  it('tells single games: the median game and a notable one, each with a visible timeline of turning points and causes', async () => {
    const { page } = await open(1280);
    const stories = (await page.evaluate(`[...document.querySelectorAll('section.story')].map((s) => ({
      id: s.id, heading: s.querySelector('h3').textContent,
      points: [...s.querySelectorAll('.timeline > li')].filter((li) => li.getBoundingClientRect().height > 0).length,
      causes: s.querySelectorAll('.timeline .causes li').length,
    }))`)) as { id: string; heading: string; points: number; causes: number }[];
    const median = stories.find((s) => s.id === 'story-median');
    expect(median, JSON.stringify(stories)).toBeDefined();
    expect(median!.heading).toMatch(/The median game \(game \d+\)/);
    expect(median!.points).toBeGreaterThan(0);
    expect(median!.causes).toBeGreaterThan(0);
    // The notable game is told when the batch had a war or a death (stories.test.ts checks the choice); otherwise the page says why not.
    const notable = stories.find((s) => s.id === 'story-notable');
    if (notable) expect(notable.points).toBeGreaterThan(0);
    else expect(readFileSync(file, 'utf8')).toMatch(/no notable game to tell/);
    await page.close();
  });

  it.each([
    ['batch report', file],
    ['class report', classFile],
  ])('%s at 390 px: nothing wider than the screen, no text under 12 px, also with every table open', async (_, path) => {
    const { page, errors } = await open(390, path);
    expect(errors).toEqual([]);
    for (const state of ['closed', 'open']) {
      if (state === 'open') await page.evaluate(OPEN_ALL_DETAILS);
      const o = (await page.evaluate(OVERFLOW)) as { scroll: number; client: number; wide: string[] };
      expect(o.wide, state).toEqual([]);
      expect(o.scroll, state).toBeLessThanOrEqual(o.client);
      const sizes = (await page.evaluate(TEXT_SIZES)) as { tag: string; cls: string; text: string; size: number }[];
      expect(sizes.length).toBeGreaterThan(100);
      const small = sizes.filter((s) => s.size < 12);
      expect(small, state).toEqual([]);
      // The charts' own labels are among them: ticks and axis units (the class report has no fan charts).
      if (path === file) {
        expect(sizes.some((s) => s.tag === 'text' && s.cls === 'tick')).toBe(true);
        expect(sizes.some((s) => s.tag === 'text' && s.cls === 'unit')).toBe(true);
      }
    }
    // The wide tables scroll inside their own box rather than widen the page.
    const boxes = (await page.evaluate(
      `[...document.querySelectorAll('.scroll')].filter((b) => b.scrollWidth > b.clientWidth + 1).length`,
    )) as number;
    expect(boxes).toBeGreaterThan(0);
    await page.close();
  });

  /**
   * Text that must never break across lines, with the lines each piece is drawn on: a date ("2024-/01-28"
   * read as two), a figure with its unit ("71.7 / %"), and each word of a command to copy ("--iran-/policy").
   */
  const BROKEN = `(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('title, style, svg') || el.getClientRects().length === 0) continue;
      const code = el.closest('code');
      const kinds = [['date', /\\d{4}-\\d{2}-\\d{2}/g], ['figure', /\\d+(?:\\.\\d+)?[ \\u00a0]%/g]];
      if (code && /^brink /.test(code.textContent)) kinds.push(['command word', /\\S+/g]);
      for (const [kind, re] of kinds) {
        for (const m of n.textContent.matchAll(re)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.bottom)));
          out.push({ kind, text: m[0], lines: lines.size });
        }
      }
    }
    return out;
  })()`;

  it.each([
    ['batch report', file],
    ['class report', classFile],
  ])('%s at 390 px: no date, figure with its unit, or word of a command breaks across lines', async (_, path) => {
    const { page } = await open(390, path);
    await page.evaluate(OPEN_ALL_DETAILS);
    const pieces = (await page.evaluate(BROKEN)) as { kind: string; text: string; lines: number }[];
    for (const kind of path === file ? ['date', 'figure', 'command word'] : ['date', 'figure'])
      expect(pieces.filter((p) => p.kind === kind).length, kind).toBeGreaterThan(5);
    expect(pieces.filter((p) => p.lines > 1)).toEqual([]);
    // A command wider than the screen scrolls in its own block; the page itself never does.
    const o = (await page.evaluate(OVERFLOW)) as { scroll: number; client: number };
    expect(o.scroll).toBeLessThanOrEqual(o.client);
    await page.close();
  });

  /** Each table box: whether it scrolls sideways, whether its line saying so shows, and whether it has edge shadows. */
  const SCROLL_CUES = `[...document.querySelectorAll('.scroll')].map((b) => {
    const hint = b.querySelector(':scope > .scroll-hint');
    const r = hint ? hint.getBoundingClientRect() : { width: 0, height: 0 };
    return { head: (b.querySelector('th')?.textContent || '').slice(0, 30), overflows: b.scrollWidth > b.clientWidth + 1,
      hint: !!hint && r.height > 8 && r.width > 100 && getComputedStyle(hint).display !== 'none' && (hint.textContent || '').includes('Scroll sideways'),
      shadow: (getComputedStyle(b).backgroundImage.match(/radial-gradient/g) || []).length };
  })`;

  it.each([
    ['batch report', file],
    ['class report', classFile],
  ])('%s: a table that scrolls sideways says so (a line above it, shadows at the edges), one that fits does not', async (_, path) => {
    for (const width of [390, 1280]) {
      const { page } = await open(width, path);
      await page.evaluate(OPEN_ALL_DETAILS);
      await page.waitForTimeout(200); // the scroll timelines of the boxes just opened update on the next frames
      const boxes = (await page.evaluate(SCROLL_CUES)) as { head: string; overflows: boolean; hint: boolean; shadow: number }[];
      for (const b of boxes) {
        expect(b.hint, `${width} px: ${b.head}`).toBe(b.overflows);
        expect(b.shadow, b.head).toBe(2);
      }
      // The comparison's table of means (batch report) and the groups side by side (class report) are too
      // wide for a phone, not for a 1280 px screen.
      const wide = boxes.filter((b) => /^(Metric \(mean per game\)|Group)$/.test(b.head));
      expect(wide.length).toBe(1);
      expect(wide[0]!.overflows, `${width} px`).toBe(width === 390);
      if (width === 390) expect(boxes.filter((b) => b.overflows).length).toBeGreaterThan(2);
      await page.close();
    }
  });

  it('a class of one with a long group name: the games side by side fit a 1280 px screen, and scroll in their box at 390 px', async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await open(width, oneFile);
      expect(errors).toEqual([]);
      const o = (await page.evaluate(OVERFLOW)) as { scroll: number; client: number; wide: string[] };
      expect(o.wide, `${width} px`).toEqual([]);
      expect(o.scroll, `${width} px`).toBeLessThanOrEqual(o.client);
      const boxes = (await page.evaluate(SCROLL_CUES)) as { head: string; overflows: boolean }[];
      const groups = boxes.find((b) => b.head === 'Group');
      expect(groups, `${width} px`).toBeDefined();
      expect(groups!.overflows, `${width} px`).toBe(width === 390);
      await page.close();
    }
  });

  async function printedPages(path: string): Promise<number> {
    const { page } = await open(1280, path);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  }

  it.each([
    ['batch report', baseFile, 10],
    ['class report', classFile, 8],
  ])('%s prints to a sensible number of A4 pages', async (_, path, most) => {
    const pages = await printedPages(path);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(most);
  });

  it('the sensitivity section adds at most two printed pages', async () => {
    const [base, full] = [await printedPages(baseFile), await printedPages(file)];
    expect(full).toBeGreaterThan(base);
    expect(full).toBeLessThanOrEqual(base + 2);
  });
});
