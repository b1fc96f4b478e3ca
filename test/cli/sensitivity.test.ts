/**
 * `brink sensitivity` as a user runs it, on a tiny budget (2 Morris trajectories, Sobol on the top 3
 * with N = 4, one game per parameter set): its flags, its JSON contract (brink.sensitivity/1, validated
 * against schemas/sensitivity.schema.json) and its terminal chart, which must show the JSON's figures.
 * The methods themselves are tested on functions with known answers (test/analysis/sensitivity).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { drawnParams } from '../../src/analysis/uncertainty/distribution.ts';
import { SENSITIVITY_OUTCOME_NAMES, SENSITIVITY_OUTCOMES } from '../../src/analysis/uncertainty/measures.ts';
import { OUTCOME_NAMES } from '../../src/batch/record.ts';
import { PARAM_SPECS, type ParamId } from '../../src/model/params.ts';
import { PRIORS } from '../../src/model/priors.ts';
import { MODEL_VERSION } from '../../src/model/version.ts';
import { brink, ROOT } from '../helpers/cli.ts';
import { estimatorNoiseNote, screenedButSilentNote } from '../../src/analysis/sensitivity/contract.ts';
import { formatSensitivity } from '../../src/cli/commands/sensitivity.ts';

const BUDGET = ['--scenario', 'tower-22', '--trajectories', '2', '--top', '3', '--sobol-n', '4', '--games', '1', '--seed', 'sens'];

interface Row {
  id: string;
  cited: boolean;
  rank: number;
  first: number;
  total: number;
  totalCi: [number, number];
}
interface Json {
  schema: string;
  model: string;
  settings: Record<string, unknown>;
  screen: Row[];
  sobol: Record<string, Row[]>;
  runs: { morris: number; sobol: number; games: number };
}

describe('brink sensitivity', () => {
  const json = brink(['sensitivity', ...BUDGET, '--workers', '1', '--json']);
  // The terminal chart, with two workers: the figures must not depend on how many there are.
  const text = brink(['sensitivity', ...BUDGET, '--workers', '2']);

  it('--json is a brink.sensitivity/1 document that validates against its schema', () => {
    expect(json.code, json.stderr).toBe(0);
    const data = JSON.parse(json.stdout) as Json;
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
      JSON.parse(readFileSync(join(ROOT, 'schemas', 'sensitivity.schema.json'), 'utf8')),
    );
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(data.schema).toBe('brink.sensitivity/1');
    expect(data.model).toBe(MODEL_VERSION);
    expect(data.settings).toEqual({
      scenario: 'tower-22',
      us: 'historical',
      iran: 'historical',
      trajectories: 2,
      top: 3,
      sobolN: 4,
      games: 1,
      seed: 'sens',
    });
    // The schema refuses another contract version and fields it does not know.
    expect(validate({ ...data, schema: 'brink.sensitivity/2' })).toBe(false);
    expect(validate({ ...data, extra: 1 })).toBe(false);
  });

  it('screens every prior-bearing parameter, then gives Sobol indices for the top ones on every outcome', () => {
    const data = JSON.parse(json.stdout) as Json;
    const ids = drawnParams(PRIORS);
    // A Morris trajectory is k + 1 points; a Saltelli design N (k + 2) rows; one game each.
    expect(data.runs).toEqual({ morris: 2 * (ids.length + 1), sobol: 4 * (3 + 2), games: 2 * (ids.length + 1) + 4 * (3 + 2) });
    expect(data.screen.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (let i = 1; i < data.screen.length; i++) expect(data.screen[i - 1]!.rank).toBeGreaterThanOrEqual(data.screen[i]!.rank);
    for (const r of data.screen) expect(r.cited, r.id).toBe(PARAM_SPECS[r.id as ParamId].assumption === undefined);
    const top = data.screen
      .slice(0, 3)
      .map((r) => r.id)
      .sort();
    expect(Object.keys(data.sobol).sort()).toEqual([...SENSITIVITY_OUTCOMES].sort());
    for (const name of SENSITIVITY_OUTCOMES) {
      const rows = data.sobol[name]!;
      expect(rows.map((r) => r.id).sort(), name).toEqual(top);
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.total).toBeGreaterThanOrEqual(rows[i]!.total);
      for (const r of rows) expect(r.totalCi[0]).toBeLessThanOrEqual(r.totalCi[1]);
    }
    // Progress goes to stderr, never into the JSON.
    expect(json.stderr).toMatch(/Morris screening: \d+\/\d+ parameter sets/);
    expect(json.stderr).toMatch(/Sobol indices: 20\/20 parameter sets/);
  });

  it('the terminal chart shows the same figures as the JSON, whatever the number of workers', () => {
    expect(text.code, text.stderr).toBe(0);
    const data = JSON.parse(json.stdout) as Json;
    expect(text.stdout).toContain('Brink sensitivity · tower-22 · US historical · Iran historical · seed sens');
    expect(text.stdout).toContain(`Morris: 2 trajectories (${data.runs.morris} parameter sets); Sobol: top 3, N = 4 (20 sets)`);
    // Each screening row: the label, a bar, μ* to two decimals, and whether the range is cited or assumed.
    const first = data.screen[0]!;
    expect(text.stdout).toMatch(new RegExp(`^${first.id} +│█+ *│ ${first.rank.toFixed(2)}  ${first.cited ? 'cited' : 'assumption'}$`, 'm'));
    for (const name of SENSITIVITY_OUTCOMES) {
      expect(text.stdout).toContain(`Total Sobol index for ${SENSITIVITY_OUTCOME_NAMES[name]} (`);
      const r = data.sobol[name]![0]!;
      const shown = Math.max(0, r.total).toFixed(2);
      expect(text.stdout).toContain(
        `${shown} [${Math.max(0, r.totalCi[0]).toFixed(2)}–${Math.max(0, r.totalCi[1]).toFixed(2)}]  first ${r.first.toFixed(2)}`,
      );
    }
  });

  it('prints the regional-war outcome under the name brink compare and batch give the same measure (its JSON key stays regionalWarRate)', () => {
    expect(SENSITIVITY_OUTCOME_NAMES.regionalWarRate).toBe('regionalWar');
    expect(OUTCOME_NAMES).toContain(SENSITIVITY_OUTCOME_NAMES.regionalWarRate);
    expect(text.stdout).toContain('Total Sobol index for regionalWar (');
    expect(text.stdout).not.toContain('regionalWarRate');
    expect(Object.keys((JSON.parse(json.stdout) as Json).sobol)).toContain('regionalWarRate');
  });

  it('says under the chart of an outcome that did not vary that its indices of 0 mean nothing, and only there', () => {
    const data = JSON.parse(json.stdout) as Json & { sobol: Record<string, (Row & { firstCi: [number, number] })[]> };
    const [flat, ...rest] = SENSITIVITY_OUTCOMES;
    const sobol = Object.fromEntries(
      SENSITIVITY_OUTCOMES.map((n) => [
        n,
        data.sobol[n]!.map((r) =>
          n === flat
            ? { ...r, first: 0, total: 0, firstCi: [0, 0], totalCi: [0, 0] }
            : { ...r, first: 0.2, total: 0.3, firstCi: [0.1, 0.3], totalCi: [0.2, 0.4] },
        ),
      ]),
    );
    const out = formatSensitivity({ ...data, sobol } as never);
    const section = (n: (typeof SENSITIVITY_OUTCOMES)[number]) => {
      const at = out.indexOf(`Total Sobol index for ${SENSITIVITY_OUTCOME_NAMES[n]} `);
      expect(at, n).toBeGreaterThanOrEqual(0);
      return out.slice(at).split('\n\n')[0]!;
    };
    expect(section(flat)).toContain(
      `${flat} did not vary over the Sobol parameter sets, so its indices (all exactly 0) say nothing about what drives it.`,
    );
    for (const n of rest) expect(section(n)).not.toContain('did not vary');
  });

  it('says under an outcome where its estimates fall where no share of variance can, naming them, and only there', () => {
    const data = JSON.parse(json.stdout) as Json & { sobol: Record<string, (Row & { firstCi: [number, number] })[]> };
    const [noisy, ...rest] = SENSITIVITY_OUTCOMES;
    const ok = { first: 0.2, total: 0.3, firstCi: [0.1, 0.3] as [number, number], totalCi: [0.2, 0.4] as [number, number] };
    const sobol = Object.fromEntries(
      SENSITIVITY_OUTCOMES.map((n) => [
        n,
        data.sobol[n]!.map((r, i) =>
          n !== noisy
            ? { ...r, ...ok }
            : // As a playtest saw them at N = 64: a negative first-order index, one above its total, a total above 1.
              [
                { ...r, ...ok, first: -0.08, total: 0.9, totalCi: [0.53, 1.38] as [number, number] },
                { ...r, ...ok, first: 0.78, total: 0.32 },
                { ...r, ...ok, total: 1.2, totalCi: [0.9, 1.5] as [number, number] },
              ][i]!,
        ),
      ]),
    );
    const out = formatSensitivity({ ...data, sobol } as never);
    const section = (n: (typeof SENSITIVITY_OUTCOMES)[number]) => {
      const at = out.indexOf(`Total Sobol index for ${SENSITIVITY_OUTCOME_NAMES[n]} `);
      expect(at, n).toBeGreaterThanOrEqual(0);
      return out.slice(at).split('\n\n')[0]!;
    };
    const [a, b, c] = data.sobol[noisy]!.map((r) => r.id);
    // The values are printed as estimated, not clamped: the note says what they mean.
    expect(section(noisy)).toContain('first -0.08');
    expect(section(noisy)).toContain(
      `Estimator noise, not a finding: with N = 4 and 1 game a set some estimates fall where a share of variance cannot (below 0 for ${a}; a first-order index above the total for ${b}; above 1 for ${c}; an interval past 1 for ${a}). An index whose interval crosses 0 or 1 is not resolved. For figures that can be read, raise --sobol-n (default 128; intervals narrow as 1/√N) and --games (default 8).`,
    );
    for (const n of rest) expect(section(n)).not.toContain('Estimator noise');
    expect(estimatorNoiseNote([{ id: 'x', ...ok }], { sobolN: 64, games: 4 })).toBeUndefined();
  });

  it('says why a parameter the screen ranks high can have Sobol indices of 0: it ranked through an outcome that did not vary', () => {
    const data = JSON.parse(json.stdout) as Json & { sobol: Record<string, (Row & { firstCi: [number, number] })[]> };
    const zero = { first: 0, total: 0, firstCi: [0, 0] as [number, number], totalCi: [0, 0] as [number, number] };
    const [top, other] = data.screen.map((r) => r.id);
    const muStar = (big: string) => Object.fromEntries(SENSITIVITY_OUTCOMES.map((o) => [o, o === big ? 1.2 : 0.1]));
    const screen = data.screen.map((r, i) => ({ ...r, muStar: i === 0 ? muStar('usKilled') : muStar('attacksOnUS') }));
    const sobol = Object.fromEntries(
      SENSITIVITY_OUTCOMES.map((n) => [
        n,
        [top, other].map((id) => ({
          id,
          cited: true,
          ...(n === 'usKilled' || id === top ? zero : { first: 0.2, total: 0.3, firstCi: [0.1, 0.3], totalCi: [0.2, 0.4] }),
        })),
      ]),
    );
    const out = formatSensitivity({ ...data, screen, sobol } as never);
    const note = `${top} ranks high in the screen through usKilled alone, which did not vary over the Sobol parameter sets: its Sobol indices of 0 say nothing either way.`;
    // Under the screen, before the Sobol charts.
    expect(out.indexOf(note)).toBeGreaterThan(0);
    expect(out.indexOf(note)).toBeLessThan(out.indexOf('Total Sobol index for'));
    // When usKilled varied, the zeros are a finding and nothing is said.
    const moved = { ...sobol, usKilled: sobol.usKilled!.map((r) => (r.id === other ? { ...r, total: 0.3, totalCi: [0.2, 0.4] } : r)) };
    expect(screenedButSilentNote({ screen, sobol: moved } as never)).toBeUndefined();
  });

  it('reports progress to a pipe at each tenth of a phase, counted in parameter sets, not every few sets', () => {
    // 3 trajectories: about 270 Morris sets, which printed a line every 20 sets (13 lines) before.
    const r = brink(['sensitivity', ...BUDGET.map((a, i) => (BUDGET[i - 1] === '--trajectories' ? '3' : a)), '--workers', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    for (const phase of ['Morris screening', 'Sobol indices']) {
      const done = [...r.stderr.matchAll(new RegExp(`^${phase}: (\\d+)/(\\d+) parameter sets$`, 'gm'))].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      const total = done[0]![1]!;
      // The first count of each new tenth, and the last: at most ten lines.
      expect(done.map(([d]) => d)).toEqual(Array.from({ length: 10 }, (_, j) => Math.ceil(((j + 1) * total) / 10)));
    }
  });

  it('a bad flag is a usage error: exit 2, the message names the flag, no stack, no work done', () => {
    const usage = brink(['sensitivity', '--trajectories', '0']);
    expect(usage.stderr).toContain('Usage: brink sensitivity [options]');
    for (const [args, message] of [
      [['--trajectories', '0'], /--trajectories/],
      // The screening compares trajectories and Saltelli's estimator rows: one of either is a usage error, not an internal one.
      [['--trajectories', '1'], /--trajectories must be a whole number from 2 to/],
      [['--sobol-n', '1'], /--sobol-n must be a whole number from 2 to/],
      [['--top', 'many'], /--top/],
      [['--games', '-1'], /--games/],
      [['--us-policy', 'nobody'], /unknown policy 'nobody'/],
      [['--scenario', 'atlantis'], /atlantis/],
      [['--bogus'], /unknown option '--bogus'/],
    ] as const) {
      const r = brink(['sensitivity', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toMatch(/Morris screening: \d/);
      expect(r.stdout).toBe('');
    }
  });
});
