/**
 * The numeric flags of the analysis commands (calibrate, sensitivity, backtest, explain): any value is
 * either accepted, and then one the analysis runs with, or refused as a usage error that names the flag
 * (exit 2, the usage, no stack). A value the flag accepted but the analysis refused inside (a population
 * of one) was an "internal error", exit 1.
 *
 * Two layers keep it fast: the flag parsers are fuzzed and what they accept is checked against the
 * analyses' own preconditions (abcSettingsProblem, morrisProblem, saltelliProblem), so no calibration
 * runs; the command line is fuzzed with the values the parsers refuse, which fail before any work.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { main } from '../../src/cli/main.ts';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALIBRATION_FIGURES } from '../../src/analysis/calibration/figures.ts';
import { parseCalibrateFlags, refuseToReplaceShipped } from '../../src/cli/commands/calibrate.ts';
import { SHIPPED_POSTERIOR } from '../../src/analysis/calibration/posterior-file.ts';
import { parseSensitivityNumbers } from '../../src/cli/commands/sensitivity.ts';
import { parsePositiveInt } from '../../src/cli/options.ts';
import { UsageError } from '../../src/cli/errors.ts';
import { SHIPPED_SETTINGS, calibrationParams } from '../../src/analysis/calibration/calibrate.ts';
import { abcSettingsProblem } from '../../src/analysis/calibration/abc-smc.ts';
import { morrisProblem } from '../../src/analysis/sensitivity/morris.ts';
import { saltelliProblem } from '../../src/analysis/sensitivity/sobol.ts';
import { drawnParams } from '../../src/analysis/uncertainty/distribution.ts';
import { capture } from '../helpers/cli.ts';

/** Any integer, and strings that are not one. */
const anyValue = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
  fc.integer({ min: -3, max: 3 }).map(String),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', ' ', '1.5', '1e3', 'NaN', 'Infinity', '-0', '+2', '0x10', '２', '99999999999999999999'),
);

const CALIBRATE_DEFAULTS = {
  population: String(SHIPPED_SETTINGS.populationSize),
  generations: String(SHIPPED_SETTINGS.generations),
  moves: String(SHIPPED_SETTINGS.moves),
  games: String(SHIPPED_SETTINGS.gamesPerScenario),
  seed: SHIPPED_SETTINGS.seed,
  runs: '300',
};
const CALIBRATE_FLAGS = ['population', 'generations', 'moves', 'games', 'runs', 'workers'] as const;
const SENSITIVITY_DEFAULTS = { trajectories: '20', top: '12', sobolN: '128', games: '8' };
const SENSITIVITY_FLAGS = ['trajectories', 'top', 'sobolN', 'games'] as const;
const long = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The parser's verdict: the settings, or the usage error's message (any other error fails the test). */
function verdict<T>(parse: () => T): { ok: T } | { refused: string } {
  try {
    return { ok: parse() };
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return { refused: (err as UsageError).message };
  }
}

describe('numeric flags of the analysis commands', () => {
  it('calibrate: a value is refused naming its flag, or gives settings ABC runs with (a population of two at least)', () => {
    const dim = calibrationParams().length;
    fc.assert(
      fc.property(fc.constantFrom(...CALIBRATE_FLAGS), anyValue, fc.boolean(), (flag, value, explicit) => {
        const v = verdict(() => parseCalibrateFlags({ ...CALIBRATE_DEFAULTS, [flag]: value }, () => explicit));
        if ('refused' in v) {
          expect(v.refused.startsWith(`${long(flag)} must be a whole number`)).toBe(true);
          return;
        }
        expect(abcSettingsProblem(dim, v.ok.settings)).toBeUndefined();
        expect(abcSettingsProblem(dim, v.ok.loo)).toBeUndefined();
        for (const n of [v.ok.settings.generations, v.ok.settings.moves, v.ok.settings.gamesPerScenario, v.ok.workers, v.ok.runs])
          expect(Number.isInteger(n) && n >= 1).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('sensitivity: a value is refused naming its flag, or gives designs Morris and Saltelli build', () => {
    const k = drawnParams().length;
    fc.assert(
      fc.property(fc.constantFrom(...SENSITIVITY_FLAGS), anyValue, (flag, value) => {
        const v = verdict(() => parseSensitivityNumbers({ ...SENSITIVITY_DEFAULTS, [flag]: value }));
        if ('refused' in v) {
          expect(v.refused.startsWith(`${long(flag)} must be a whole number`)).toBe(true);
          return;
        }
        expect(morrisProblem(k, v.ok.trajectories)).toBeUndefined();
        expect(saltelliProblem(Math.min(k, v.ok.top), v.ok.sobolN)).toBeUndefined();
        expect(Number.isInteger(v.ok.games) && v.ok.games >= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on the command line, a refused value exits 2 with the flag, the usage and no stack; never an internal error', async () => {
    // Each command's numeric flags, the bounds its parser holds them to, and a command line that reaches the parse.
    const cases: readonly { args: readonly string[]; flag: string; bounds: { min?: number; max: number } }[] = [
      { args: ['calibrate', '--out', '/tmp/brink-flags-test-never-written.json'], flag: '--population', bounds: { min: 2, max: 100_000 } },
      { args: ['calibrate', '--out', '/tmp/brink-flags-test-never-written.json'], flag: '--generations', bounds: { max: 100 } },
      { args: ['calibrate', '--out', '/tmp/brink-flags-test-never-written.json'], flag: '--moves', bounds: { max: 100 } },
      { args: ['calibrate', '--out', '/tmp/brink-flags-test-never-written.json'], flag: '--games', bounds: { max: 10_000 } },
      { args: ['calibrate', '--out', '/tmp/brink-flags-test-never-written.json'], flag: '--workers', bounds: { max: 256 } },
      { args: ['calibrate', '--leave-one-out'], flag: '--runs', bounds: { max: 100_000 } },
      { args: ['sensitivity'], flag: '--trajectories', bounds: { min: 2, max: 10_000 } },
      { args: ['sensitivity'], flag: '--top', bounds: { max: 100 } },
      { args: ['sensitivity'], flag: '--sobol-n', bounds: { min: 2, max: 1_000_000 } },
      { args: ['sensitivity'], flag: '--games', bounds: { max: 100_000 } },
      { args: ['sensitivity'], flag: '--workers', bounds: { max: 256 } },
      { args: ['backtest'], flag: '--runs', bounds: { max: 1_000_000 } },
      { args: ['explain', 'F-01'], flag: '--runs', bounds: { max: 100_000 } },
      { args: ['explain', 'attacks-by-2-feb'], flag: '--runs', bounds: { max: 100_000 } },
    ];
    const refused = (raw: string, bounds: { min?: number; max: number }) => {
      try {
        parsePositiveInt('--x', raw, bounds);
        return false;
      } catch {
        return true;
      }
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        anyValue.filter((v) => !v.startsWith('-') || /^-\d+$/.test(v)),
        async (c, value) => {
          fc.pre(refused(value, c.bounds));
          const r = capture();
          const code = await main([...c.args, c.flag, value], r.io);
          const err = r.err.join('\n');
          expect(code, `${c.args.join(' ')} ${c.flag} '${value}'`).toBe(2);
          expect(err.startsWith(`brink: ${c.flag} must be a whole number`)).toBe(true);
          expect(err).toContain(`Usage: brink ${c.args[0]} `);
          expect(err).not.toContain('internal error');
          expect(err).not.toMatch(/\n\s+at /);
          expect(r.out.join('')).toBe('');
        },
      ),
      { numRuns: 120 },
    );
  });

  it('brink calibrate --population 1 is a flag error, exit 2 with the usage, like --generations 0', async () => {
    for (const [flag, value, text] of [
      ['--population', '1', '--population must be a whole number from 2 to 100000, got 1'],
      ['--generations', '0', '--generations must be a whole number from 1 to 100, got 0'],
    ] as const) {
      const r = capture();
      expect(await main(['calibrate', '--out', '/tmp/brink-flags-test-never-written.json', flag, value], r.io)).toBe(2);
      const err = r.err.join('\n');
      expect(err).toContain(`brink: ${text}`);
      expect(err).toContain('Usage: brink calibrate [options]');
      expect(err).not.toContain('internal error');
    }
  });
});

describe('brink calibrate never replaces the shipped posterior by accident', () => {
  it('a trial run with smaller settings and no --out is refused before it runs, naming what differs; the shipped file is untouched', async () => {
    const before = readFileSync(SHIPPED_POSTERIOR, 'utf8');
    const r = capture();
    expect(await main(['calibrate', '--population', '30', '--generations', '1', '--games', '2'], r.io)).toBe(2);
    const err = r.err.join('\n');
    expect(err).toContain('--population 30 (shipped: 2000)');
    expect(err).toContain('--games 2 (shipped: 8)');
    expect(err).not.toContain('--moves');
    expect(err).toContain('Give --out FILE');
    expect(err).toContain('Usage: brink calibrate [options]');
    expect(err).not.toContain('calibrating');
    expect(readFileSync(SHIPPED_POSTERIOR, 'utf8')).toBe(before);
    expect(existsSync(`${SHIPPED_POSTERIOR}.state.json`)).toBe(false);
  });

  it('counts the games it played from the scenarios of the figures it calibrates against (one, with the rest excluded)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'brink-cal-')), 'p.json');
    const keep = ['houthi-tempo-from-november', 'no-war-red-sea'];
    const exclude = CALIBRATION_FIGURES.map((f) => f.id).filter((id) => !keep.includes(id));
    const r = capture();
    const args = ['calibrate', '--out', out, '--population', '4', '--generations', '1', '--games', '2', '--workers', '1'];
    expect(await main([...args, '--exclude', exclude.join(',')], r.io), r.err.join('\n')).toBe(0);
    const done = /done: (\d+) simulations \((\d+) games\)/.exec(r.err.join('\n'));
    expect(done).not.toBeNull();
    expect(Number(done![2])).toBe(Number(done![1]) * 2 * 1); // red-sea only, 2 games a simulation
  });

  it('the shipped settings may write it by default, and any single setting changed may not', () => {
    expect(() => refuseToReplaceShipped(SHIPPED_SETTINGS)).not.toThrow();
    for (const changed of [
      { populationSize: SHIPPED_SETTINGS.populationSize + 1 },
      { generations: 1 },
      { moves: 1 },
      { gamesPerScenario: 2 },
      { seed: 'other' },
      { exclude: ['attacks-by-2-feb'] },
    ]) {
      expect(() => refuseToReplaceShipped({ ...SHIPPED_SETTINGS, ...changed })).toThrow(UsageError);
    }
  });
});
