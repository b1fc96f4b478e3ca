/**
 * A game that throws, or a worker that dies, is reported with the game's seed; the batch does not hang,
 * exits 1, and keeps the games that finished. The failing bots come from a module the test loads with
 * --policy-module (test/batch/fixtures/failing-policies.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brink } from '../helpers/cli.ts';
import { failingGames } from './fixtures/failing-policies.ts';

const MODULE = 'test/batch/fixtures/failing-policies.ts';
/** The module is TypeScript: the compiled CLI loads it under tsx, as docs/library.md tells users to. */
const TSX = { nodeArgs: ['--import', 'tsx'] };
const dir = mkdtempSync(join(tmpdir(), 'brink-fail-'));

/** The first batch seed (of 'f0', 'f1', …) under which exactly one of `runs` games fails, and that game. */
function seedWithOneFailure(runs: number, side: 'us' | 'iran'): { seed: string; game: number } {
  for (let k = 0; ; k++) {
    const failing = failingGames(`f${k}`, runs, side);
    if (failing.length === 1) return { seed: `f${k}`, game: failing[0]! };
  }
}

describe('failures in a batch', () => {
  it('reports a game that throws with its seed, exits 1 and keeps the finished games', () => {
    const out = join(dir, 'throws.jsonl');
    const { seed, game } = seedWithOneFailure(40, 'us');
    const r = brink(
      [
        'batch',
        '--scenario',
        'tower-22',
        '--runs',
        '40',
        '--seed',
        seed,
        '--workers',
        '2',
        '--policy-module',
        MODULE,
        '--us-policy',
        'test-throws',
        '--out',
        out,
        '--json',
      ],
      TSX,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`game ${game} (seed '${seed}:${game}')`);
    expect(r.stderr).toContain('deliberate failure for the test');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const json = JSON.parse(r.stdout);
    expect(json.complete).toBe(false);
    const kept = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).index as number);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).not.toContain(game);
    expect(json.runs).toBe(kept.length);
  });

  it('reports a worker that dies, naming the games it was playing, without hanging', () => {
    const { seed, game } = seedWithOneFailure(40, 'iran');
    const r = brink(
      [
        'batch',
        '--scenario',
        'tower-22',
        '--runs',
        '40',
        '--seed',
        seed,
        '--workers',
        '2',
        '--policy-module',
        MODULE,
        '--iran-policy',
        'test-exits',
      ],
      TSX,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`worker crashed while playing games \\d+–\\d+ \\(seeds ${seed}:\\d+ … ${seed}:\\d+\\)`));
    const [, from, to] = /games (\d+)–(\d+)/.exec(r.stderr)!;
    expect(Number(from)).toBeLessThanOrEqual(game);
    expect(Number(to)).toBeGreaterThanOrEqual(game);
  });

  it('the same failure stops a comparison', () => {
    const { seed, game } = seedWithOneFailure(20, 'us');
    const c = brink(
      [
        'compare',
        '--scenario',
        'tower-22',
        '--runs',
        '20',
        '--seed',
        seed,
        '--workers',
        '1',
        '--policy-module',
        MODULE,
        '--us-policy-b',
        'test-throws',
      ],
      TSX,
    );
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(`seed '${seed}:${game}'`);
  });
});
