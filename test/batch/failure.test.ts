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

const MODULE = 'test/batch/fixtures/failing-policies.ts';
const dir = mkdtempSync(join(tmpdir(), 'brink-fail-'));

describe('failures in a batch', () => {
  it('reports a game that throws with its seed, exits 1 and keeps the finished games', () => {
    const out = join(dir, 'throws.jsonl');
    const r = brink(['batch', '--scenario', 'tower-22', '--runs', '40', '--seed', 'f', '--workers', '2', '--policy-module', MODULE,
      '--us-policy', 'test-throws', '--out', out, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("game 7 (seed 'f:7')");
    expect(r.stderr).toContain('deliberate failure for the test');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const json = JSON.parse(r.stdout);
    expect(json.complete).toBe(false);
    const kept = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).index as number);
    expect(kept).toContain(0);
    expect(kept).not.toContain(7);
    expect(json.runs).toBe(kept.length);
  });

  it('reports a worker that dies, naming the games it was playing, without hanging', () => {
    const r = brink(['batch', '--scenario', 'tower-22', '--runs', '40', '--seed', 'x', '--workers', '2', '--policy-module', MODULE,
      '--iran-policy', 'test-exits']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/worker crashed while playing games \d+–\d+ \(seeds x:\d+ … x:\d+\)/);
    const [, from, to] = /games (\d+)–(\d+)/.exec(r.stderr)!;
    expect(Number(from)).toBeLessThanOrEqual(5);
    expect(Number(to)).toBeGreaterThanOrEqual(5);
  });

  it('the same failure stops a comparison', () => {
    const c = brink(['compare', '--scenario', 'tower-22', '--runs', '20', '--seed', 'f', '--workers', '1', '--policy-module', MODULE, '--us-policy-b', 'test-throws']);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain("seed 'f:7'");
  });
});
