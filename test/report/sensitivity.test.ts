/**
 * The report's "what drives the uncertainty" section: drawn from a real `brink sensitivity --json` file
 * (tiny budget), through `brink report --sensitivity FILE`. The Chromium checks (phone width, text size,
 * print) run on a report with this section in test/report/render.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatOutcomes, SensitivitySchema, type SensitivityJson } from '../../src/analysis/sensitivity/contract.ts';
import { SENSITIVITY_OUTCOMES, type SensitivityOutcome } from '../../src/analysis/uncertainty/measures.ts';
import { BatchSchema, type BatchJson } from '../../src/batch/contract.ts';
import { main } from '../../src/cli/main.ts';
import { MODEL_VERSION } from '../../src/model/version.ts';
import { esc, renderReport } from '../../src/report/html.ts';
import { CHALLENGE_RULE, NOTHING_TO_CHALLENGE, SENSITIVITY_LABELS } from '../../src/report/sensitivity.ts';
import { chooseStories } from '../../src/report/stories.ts';
import { brink, capture } from '../helpers/cli.ts';
import { scenario } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-report-sens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sc = scenario('tower-22');
const batchFile = join(dir, 'batch.json');
const sensFile = join(dir, 'sensitivity.json');
let batch: BatchJson;
let sens: SensitivityJson;

beforeAll(() => {
  const b = brink(['batch', '--scenario', 'tower-22', '--runs', '20', '--seed', 'sens', '--workers', '1', '--json']);
  expect(b.code, b.stderr).toBe(0);
  writeFileSync(batchFile, b.stdout);
  batch = BatchSchema.parse(JSON.parse(b.stdout));
  const s = brink([
    'sensitivity',
    '--scenario',
    'tower-22',
    '--trajectories',
    '2',
    '--top',
    '4',
    '--sobol-n',
    '4',
    '--games',
    '1',
    '--seed',
    'sens',
    '--workers',
    '1',
    '--json',
  ]);
  expect(s.code, s.stderr).toBe(0);
  writeFileSync(sensFile, s.stdout);
  sens = SensitivitySchema.parse(JSON.parse(s.stdout));
});

/** The HTML of the element with this id, up to its closing tag (figures do not nest). */
function figureHtml(html: string, id: string): string {
  const start = html.indexOf(`<figure id="${id}"`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</figure>', start));
}

const bars = (fig: string) =>
  [...fig.matchAll(/<span class="blabel">([^<]+)<\/span><span class="btrack"><span class="bfill( hatch)?"/g)].map((m) => ({
    label: m[1]!,
    hatched: m[2] !== undefined,
  }));

describe("the report's sensitivity section", () => {
  let html: string;
  beforeAll(() => {
    html = renderReport({ batch, scenario: sc, sensitivity: sens });
  });

  it('charts the Morris screen: the top parameters by μ*, assumptions hatched and named as such, every parameter in the table', () => {
    const fig = figureHtml(html, 'sens-screen');
    const shown = bars(fig);
    expect(shown.map((b) => b.label)).toEqual(sens.screen.slice(0, 12).map((r) => `${r.id} (${r.cited ? 'cited' : 'assumption'})`));
    sens.screen.slice(0, 12).forEach((r, i) => expect(shown[i]!.hatched, r.id).toBe(!r.cited));
    expect(fig).toContain(`<span class="bval">${sens.screen[0]!.rank.toFixed(2)}</span>`);
    // The data table: one row per screened parameter, with μ* per outcome.
    expect([...fig.matchAll(/<tbody>(.*?)<\/tbody>/g)][0]![1]!.match(/<tr>/g)).toHaveLength(sens.screen.length);
    for (const o of SENSITIVITY_OUTCOMES) expect(fig).toContain(sens.screen[0]!.muStar[o].toFixed(2));
  });

  it("charts each outcome's total Sobol indices with their bootstrap intervals", () => {
    for (const o of SENSITIVITY_OUTCOMES) {
      const fig = figureHtml(html, `sens-sobol-${o}`);
      const rows = sens.sobol[o];
      expect(
        bars(fig).map((b) => b.label),
        o,
      ).toEqual(rows.map((r) => `${r.id} (${r.cited ? 'cited' : 'assumption'})`));
      expect(fig.match(/class="bwhisk"/g), o).toHaveLength(rows.length);
      for (const r of rows) {
        expect(fig).toContain(`${r.totalCi[0].toFixed(2)} – ${r.totalCi[1].toFixed(2)}`);
        expect(fig).toContain(`${r.firstCi[0].toFixed(2)} – ${r.firstCi[1].toFixed(2)}`);
      }
    }
  });

  it('names the assumptions to challenge first, says which run it shows, and warns when another model made it', () => {
    const assumed = new Set(SENSITIVITY_OUTCOMES.flatMap((o) => sens.sobol[o].filter((r) => !r.cited).map((r) => r.id)));
    const line = /Challenge these assumptions first: (.*?)\.<\/p>/.exec(html);
    if (assumed.size > 0) {
      expect(line).not.toBeNull();
      // The rule it is ranked by stands beside it.
      expect(html).toContain(`${esc(CHALLENGE_RULE)} Challenge these assumptions first: `);
      for (const m of line![1]!.matchAll(/<code>([^<]+)<\/code>/g)) expect(assumed.has(m[1]!)).toBe(true);
    } else expect(html).toContain('None of the top parameters is an assumption.');
    // The list is read from the charts, so it comes after them: "the screening chart above", "the Sobol charts above".
    const conclusion = html.indexOf(`<p class="note">${esc(CHALLENGE_RULE)}`);
    expect(CHALLENGE_RULE).toContain('the screening chart above');
    for (const id of ['sens-screen', ...SENSITIVITY_OUTCOMES.map((o) => `sens-sobol-${o}`)])
      expect(html.indexOf(`<figure id="${id}"`), id).toBeLessThan(conclusion);
    expect(html).toContain(`${sens.runs.games} games in all`);
    expect(html).not.toContain('This analysis was made by model');
    const old = renderReport({ batch, scenario: sc, sensitivity: { ...sens, model: '0.0.1+000000000000' } });
    expect(old).toContain(`This analysis was made by model 0.0.1+000000000000; this report's model is ${MODEL_VERSION}`);
    // Without a sensitivity file, no such section.
    expect(renderReport({ batch, scenario: sc })).not.toContain('id="sensitivity"');
  });

  it('recommends no assumption whose Sobol indices say nothing (all 0), and says so when none is left', () => {
    const assumptions = [...new Set(SENSITIVITY_OUTCOMES.flatMap((o) => sens.sobol[o].filter((r) => !r.cited).map((r) => r.id)))];
    expect(assumptions.length).toBeGreaterThan(0);
    const zero = { first: 0, total: 0, firstCi: [0, 0] as [number, number], totalCi: [0, 0] as [number, number] };
    const withIndices = (f: (r: (typeof sens.sobol)[SensitivityOutcome][number], o: SensitivityOutcome) => object) => ({
      ...sens,
      sobol: Object.fromEntries(
        SENSITIVITY_OUTCOMES.map((o) => [o, sens.sobol[o].map((r) => ({ ...r, ...f(r, o) }))]),
      ) as typeof sens.sobol,
    });
    // One assumption whose every index is 0, the others clearly above 0: it is left out, they are named.
    const silent = assumptions[0]!;
    const oneSilent = withIndices((r, o) =>
      r.id === silent ? zero : { total: 0.3 + 0.01 * SENSITIVITY_OUTCOMES.indexOf(o), totalCi: [0.2, 0.5], first: 0.1, firstCi: [0, 0.2] },
    );
    const named = /Challenge these assumptions first: (.*?)\.<\/p>/.exec(renderReport({ batch, scenario: sc, sensitivity: oneSilent }));
    const ids = [...(named?.[1] ?? '').matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(ids).not.toContain(silent);
    // The top ranks at most 4 parameters here, so the old list of 5 would have named the silent one last.
    expect(ids).toEqual(assumptions.slice(1, 6));
    // Every index 0 (no outcome varied, as in a tiny run): no recommendation, and why.
    const allSilent = renderReport({ batch, scenario: sc, sensitivity: withIndices(() => zero) });
    expect(allSilent).not.toContain('Challenge these assumptions first');
    expect(allSilent).toContain(esc(NOTHING_TO_CHALLENGE));
  });

  it('says, as the terminal does and beside the outcome concerned, when an estimate falls where no share of variance can', () => {
    const o = SENSITIVITY_OUTCOMES[0];
    const sane = {
      ...sens,
      sobol: Object.fromEntries(
        SENSITIVITY_OUTCOMES.map((k) => [
          k,
          sens.sobol[k].map((r) => ({
            ...r,
            first: 0.1,
            total: 0.2,
            firstCi: [0, 0.3] as [number, number],
            totalCi: [0.1, 0.4] as [number, number],
          })),
        ]),
      ) as typeof sens.sobol,
    };
    const wild = { ...sane, sobol: { ...sane.sobol, [o]: sane.sobol[o].map((r, i) => (i === 0 ? { ...r, first: 3.55 } : r)) } };
    const page = renderReport({ batch, scenario: sc, sensitivity: wild });
    // What it means and what resolves it: said once, above the charts, in words (the terminal names the flags).
    const section = page.slice(page.indexOf('id="sensitivity"'), page.indexOf('id="limits"'));
    expect(section.match(/Estimator noise, not a finding/g)).toHaveLength(1);
    expect(section.indexOf('Estimator noise, not a finding')).toBeLessThan(section.indexOf('<figure id="sens-sobol-'));
    expect(section).toContain(`with ${sens.settings.sobolN} parameter sets`);
    expect(section).not.toMatch(/--sobol-n|--games|--json/);
    // Each chart names its own cases.
    expect(figureHtml(page, `sens-sobol-${o}`)).toContain('Estimator noise (see the note above the charts): ');
    expect(figureHtml(page, `sens-sobol-${o}`)).toContain(`above 1 for ${sane.sobol[o][0]!.id}`);
    for (const k of SENSITIVITY_OUTCOMES.filter((x) => x !== o))
      expect(figureHtml(page, `sens-sobol-${k}`)).not.toContain('Estimator noise');
    expect(renderReport({ batch, scenario: sc, sensitivity: sane })).not.toContain('Estimator noise');
  });

  it('draws whiskers past 1 on an axis that reaches them, and marks any it must cut at an edge', () => {
    const o = SENSITIVITY_OUTCOMES[0];
    const row = (r: SensitivityJson['sobol'][typeof o][number], totalCi: [number, number]) => ({
      ...r,
      first: 0.1,
      total: 0.7,
      firstCi: [0, 0.3] as [number, number],
      totalCi,
    });
    const withCi = (...cis: [number, number][]) =>
      renderReport({
        batch,
        scenario: sc,
        sensitivity: { ...sens, sobol: { ...sens.sobol, [o]: sens.sobol[o].map((r, i) => row(r, cis[i] ?? [0.1, 0.4])) } },
      });
    const whiskers = (fig: string) =>
      [...fig.matchAll(/<span class="bwhisk([^"]*)" style="left:([\d.]+)%;width:([\d.]+)%"/g)].map((m) => ({
        cut: m[1]!.trim(),
        from: Number(m[2]),
        to: Number(m[2]) + Number(m[3]),
      }));
    const ticks = (fig: string) => [...fig.matchAll(/<span style="left:[\d.]+%">([^<]+)<\/span>/g)].map((m) => m[1]);
    // 0.68–1.18: the axis runs to 1.25, the whisker ends where 1.18 is on it, a dashed line marks 1, the note says so.
    const past = figureHtml(withCi([0.68, 1.18]), `sens-sobol-${o}`);
    expect(ticks(past)).toEqual(['0', '0.5', '1', '1.25']);
    expect(whiskers(past)[0]!.to).toBeCloseTo((1.18 / 1.25) * 100, 1);
    expect(whiskers(past)[0]!.cut).toBe('');
    expect(past).toContain('class="blimit" style="left:80.00%"');
    expect(past).toContain('The axis runs to 1.25 to show the whiskers past 1');
    // Within 0–1, the axis stays 0–1 with no line at 1.
    const within = figureHtml(withCi([0.2, 0.9]), `sens-sobol-${o}`);
    expect(ticks(within)).toEqual(['0', '0.5', '1']);
    expect(within).not.toContain('blimit');
    expect(within).not.toContain('The axis runs to');
    // Past what the axis may reach, or below 0: cut at the edge, ending in an arrow, and named in the note.
    const far = figureHtml(withCi([0.5, 3.2], [-0.3, 0.4]), `sens-sobol-${o}`);
    const [hi, lo] = whiskers(far);
    expect(hi!.cut).toBe('cut-hi');
    expect(hi!.to).toBeCloseTo(100, 1);
    expect(lo!.cut).toBe('cut-lo');
    expect(lo!.from).toBe(0);
    expect(far).toContain(`Cut at the edge of the axis, and ending in an arrow there: ${sens.sobol[o][0]!.id}, ${sens.sobol[o][1]!.id}`);
  });

  it('says, beside its bars, when an outcome did not vary over the Sobol sets (its indices of 0 mean nothing)', () => {
    const o = SENSITIVITY_OUTCOMES[1];
    const zero = (r: SensitivityJson['sobol'][typeof o][number]) => ({
      ...r,
      first: 0,
      total: 0,
      firstCi: [0, 0] as [number, number],
      totalCi: [0, 0] as [number, number],
    });
    const moving = (r: SensitivityJson['sobol'][typeof o][number]) => ({
      ...r,
      first: 0.1,
      total: 0.2,
      firstCi: [0, 0.3] as [number, number],
      totalCi: [0.1, 0.4] as [number, number],
    });
    const sobol = Object.fromEntries(SENSITIVITY_OUTCOMES.map((k) => [k, sens.sobol[k].map(k === o ? zero : moving)])) as typeof sens.sobol;
    expect(flatOutcomes({ sobol })).toEqual([o]);
    const page = renderReport({ batch, scenario: sc, sensitivity: { ...sens, sobol } });
    expect(page).toContain(
      `${SENSITIVITY_LABELS[o]} did not vary over the Sobol parameter sets, so its indices (all exactly 0) say nothing about what drives it.`,
    );
    // What would resolve it, in words: the flags are the terminal's.
    expect(page).toContain('a longer run, with more games a set or more parameter sets, may show it vary.');
    expect(page).not.toMatch(/--games|--sobol-n/);
    expect(figureHtml(page, `sens-sobol-${o}`)).toContain('Did not vary over these parameter sets: its indices of 0 say nothing');
    for (const k of SENSITIVITY_OUTCOMES.filter((x) => x !== o)) expect(figureHtml(page, `sens-sobol-${k}`)).not.toContain('Did not vary');
    // One parameter with any spread is enough: the outcome varied, the indices can be read.
    const one = { ...sobol, [o]: sobol[o].map((r, i) => (i === 0 ? { ...r, totalCi: [0, 0.01] as [number, number] } : r)) };
    expect(flatOutcomes({ sobol: one })).toEqual([]);
  });

  it('is self-contained: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
  });
});

describe('brink report --sensitivity', () => {
  it('adds the section to a report of the same scenario', async () => {
    const out = join(dir, 'with.html');
    const c = capture();
    expect(await main(['report', '--from', batchFile, '--sensitivity', sensFile, '--out', out], c.io)).toBe(0);
    expect(c.err.join('\n')).toMatch(/with what drives the uncertainty/);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('id="sensitivity"');
    expect(page).toBe(renderReport({ batch, scenario: sc, stories: chooseStories(batch, sc), sensitivity: sens }));
  });

  it('exits 2 on a file of another kind, another scenario, or with --games', async () => {
    const otherScenario = join(dir, 'red-sea.json');
    writeFileSync(otherScenario, JSON.stringify({ ...sens, settings: { ...sens.settings, scenario: 'red-sea' } }));
    const x = join(dir, 'x.html');
    const cases: [string[], RegExp][] = [
      [['report', '--from', batchFile, '--sensitivity', batchFile, '--out', x], /--sensitivity: .* is not a brink\.sensitivity\/1 .*file/],
      [['report', '--from', batchFile, '--sensitivity', join(dir, 'nope.json'), '--out', x], /--sensitivity: cannot read .*ENOENT/],
      [
        ['report', '--from', batchFile, '--sensitivity', otherScenario, '--out', x],
        /--sensitivity: .* analyses scenario 'red-sea', but this report is of tower-22/,
      ],
      [['report', '--games', batchFile, '--sensitivity', sensFile, '--out', x], /--sensitivity goes with a batch report, not with --games/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      expect(await main(args, c.io), args.join(' ')).toBe(2);
      expect(c.err.join('\n'), args.join(' ')).toMatch(message);
      expect(c.err.join('\n')).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(x)).toBe(false);
  });
});
