/**
 * Scale past one machine: shards of a batch, compare or sweep run as separate processes (as a
 * Kubernetes Indexed Job or a Slurm array runs them) and `brink merge` of their part files prints the
 * unsharded run's JSON byte for byte. Parts that do not belong together are refused with exit 2.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchSchema, CompareSchema, SweepSchema } from '../../src/batch/contract.ts';
import type { BatchSpec, PartHeader } from '../../src/batch/contract.ts';
import { mergeParts } from '../../src/batch/merge.ts';
import { PartWriter, readPart } from '../../src/batch/part.ts';
import { parseShard, shardRange } from '../../src/batch/shard.ts';
import { formatBatchReport } from '../../src/cli/commands/batch.ts';
import { BIN, ROOT, brink, type CliResult } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-shard-'));
const at = (name: string) => join(dir, name);
/** The unsharded compare's JSON (written by the compare test, read by the resume test). */
let compareWhole = '';

/** The shards as concurrent child processes, each with its own environment. */
function shards(args: readonly string[], envs: readonly NodeJS.ProcessEnv[]): Promise<CliResult[]> {
  return Promise.all(
    envs.map(
      (env) =>
        new Promise<CliResult>((resolve, reject) => {
          const child = spawn(process.execPath, [BIN, ...args], {
            cwd: ROOT,
            env: { ...process.env, ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr += d));
          child.on('error', reject);
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        }),
    ),
  );
}

describe('shard slices', () => {
  it('are disjoint, in order, and cover every game index once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 50 }), (runs, n) => {
        fc.pre(n <= runs);
        let next = 0;
        for (let k = 0; k < n; k++) {
          const r = shardRange(runs, { index: k, count: n });
          expect(r.from).toBe(next);
          expect(r.to).toBeGreaterThan(r.from);
          next = r.to;
        }
        expect(next).toBe(runs);
      }),
    );
  });

  it('take the index from --shard k/n, else from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID', () => {
    expect(parseShard('2/5', {})).toEqual({ index: 2, count: 5 });
    expect(parseShard('5', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 5 });
    expect(parseShard('5', { SLURM_ARRAY_TASK_ID: '4' })).toEqual({ index: 4, count: 5 });
    expect(() => parseShard('5', {})).toThrow(/JOB_COMPLETION_INDEX/);
    expect(() => parseShard('5/5', {})).toThrow(/numbered 0 to 4/);
    expect(() => parseShard('a/5', {})).toThrow(/k\/n/);
    expect(() => shardRange(2, { index: 0, count: 3 })).toThrow(/without a game/);
  });
});

describe('brink merge', () => {
  it('of a 3,000-game batch sharded 3 ways prints the unsharded brink.batch/1 JSON byte for byte', async () => {
    const base = ['batch', '--scenario', 'tower-22', '--runs', '3000', '--seed', 'sh'];
    // Shard 0 from --shard k/n, shard 1 from Kubernetes' variable, shard 2 from Slurm's; one worker each.
    const runs = await Promise.all([
      shards([...base, '--workers', '1', '--shard', '0/3', '--out', at('b-0.jsonl'), '--json'], [{}]),
      shards([...base, '--workers', '1', '--shard', '3', '--out', at('b-1.jsonl'), '--json'], [{ JOB_COMPLETION_INDEX: '1' }]),
      shards([...base, '--workers', '1', '--shard', '3', '--out', at('b-2.jsonl'), '--json'], [{ SLURM_ARRAY_TASK_ID: '2' }]),
    ]);
    for (const [r] of runs) expect(r!.code, r!.stderr).toBe(0);
    const shard1 = JSON.parse(runs[1]![0]!.stdout);
    expect(BatchSchema.safeParse(shard1).success).toBe(true);
    expect(shard1.shard).toEqual({ index: 1, count: 3, from: 1000, to: 2000 });
    expect(shard1.runs).toBe(1000);

    const whole = brink([...base, '--workers', '2', '--json']);
    expect(whole.code, whole.stderr).toBe(0);
    const merged = brink(['merge', at('b-2.jsonl'), at('b-0.jsonl'), at('b-1.jsonl'), '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(JSON.parse(merged.stdout).runs).toBe(3000);

    // Without --json: the usual report, for all 3,000 games.
    const m = mergeParts([at('b-0.jsonl'), at('b-1.jsonl'), at('b-2.jsonl')]);
    expect(m.command).toBe('batch');
    if (m.command !== 'batch') return;
    const report = formatBatchReport({ status: 'complete', json: m.json, resumed: 0, aggregator: m.aggregator }, m.scenarioArg);
    expect(report).toContain('3000 of 3000 games');
    expect(report).toContain('Escalation ladder by turn');
  }, 300_000); // separate processes: generous for a loaded machine

  it('of shards played under --uncertainty says their bands include the parameters, as the unsharded run does', () => {
    const base = ['--scenario', 'tower-22', '--runs', '12', '--seed', 'shu', '--workers', '1', '--uncertainty', 'prior'];
    const whole = brink(['batch', ...base]);
    expect(whole.code, whole.stderr).toBe(0);
    const wholeCompare = brink(['compare', ...base, '--us-policy-b', 'dove']);
    expect(wholeCompare.code, wholeCompare.stderr).toBe(0);
    for (const k of [0, 1]) {
      expect(brink(['batch', ...base, '--shard', `${k}/2`, '--out', at(`u-${k}.jsonl`), '--json']).code).toBe(0);
      expect(brink(['compare', ...base, '--us-policy-b', 'dove', '--shard', `${k}/2`, '--out', at(`uc-${k}.jsonl`), '--json']).code).toBe(
        0,
      );
    }
    const merged = brink(['merge', at('u-0.jsonl'), at('u-1.jsonl')]);
    expect(merged.code, merged.stderr).toBe(0);
    const bands = /^Bands: .*$/m;
    expect(merged.stdout.match(bands)?.[0]).toMatch(
      /^Bands: dice plus parameter uncertainty\. Each game draws its parameters from their priors \(prior:/,
    );
    expect(merged.stdout.match(bands)?.[0]).toBe(whole.stdout.match(bands)?.[0]);
    expect(merged.stdout).toContain(`--param … (its drawn parameters are in the part files (${at('u-0.jsonl')}, ${at('u-1.jsonl')}))`);
    const mergedCompare = brink(['merge', at('uc-0.jsonl'), at('uc-1.jsonl')]);
    expect(mergedCompare.code, mergedCompare.stderr).toBe(0);
    expect(mergedCompare.stdout.match(bands)?.[0]).toContain('Both arms of game i draw the same parameters');
    expect(mergedCompare.stdout.match(bands)?.[0]).toBe(wholeCompare.stdout.match(bands)?.[0]);
  });

  it('of a 3,000-pair compare sharded 3 ways prints the unsharded brink.compare/1 JSON byte for byte', async () => {
    const base = ['compare', '--scenario', 'tower-22', '--runs', '3000', '--seed', 'shc', '--us-policy-b', 'hawk'];
    const parts = [0, 1, 2].map((k) => at(`c-${k}.jsonl`));
    const runs = await Promise.all(
      parts.map((out) =>
        shards([...base, '--workers', '1', '--shard', '3', '--out', out], [{ JOB_COMPLETION_INDEX: String(parts.indexOf(out)) }]),
      ),
    );
    for (const [r] of runs) expect(r!.code, r!.stderr).toBe(0);
    const whole = brink([...base, '--workers', '2', '--json']);
    expect(whole.code, whole.stderr).toBe(0);
    expect(CompareSchema.safeParse(JSON.parse(whole.stdout)).success).toBe(true);
    compareWhole = whole.stdout;
    const merged = brink(['merge', ...parts, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  }, 300_000); // separate processes: generous for a loaded machine

  it('of a sharded sweep prints the unsharded brink.sweep/1 JSON byte for byte', async () => {
    const base = ['sweep', '--scenario', 'tower-22', '--runs', '150', '--seed', 'shs', '--param', 'shareIraq=0.3:0.7:3', '--workers', '1'];
    const parts = [0, 1].map((k) => at(`s-${k}.jsonl`));
    const runs = await Promise.all(parts.map((out, k) => shards([...base, '--shard', `${k}/2`, '--out', out], [{}])));
    for (const [r] of runs) expect(r!.code, r!.stderr).toBe(0);
    // The whole sweep with --out: its part file (shard 0 of 1) merges alone to its own JSON too.
    const whole = brink([...base, '--out', at('s-whole.jsonl'), '--json']);
    expect(whole.code, whole.stderr).toBe(0);
    expect(SweepSchema.safeParse(JSON.parse(whole.stdout)).success).toBe(true);
    expect(brink(['merge', ...parts, '--json']).stdout).toBe(whole.stdout);
    expect(`${JSON.stringify(mergeParts([at('s-whole.jsonl')]).json, null, 2)}\n`).toBe(whole.stdout);
  }, 300_000); // separate processes: generous for a loaded machine

  // The cases below reuse the parts written above (tests in a file run in order).
  it('refuses parts that do not belong together, naming the file and what differs (exit 2)', () => {
    const [p0, p1, p2] = [0, 1, 2].map((k) => at(`b-${k}.jsonl`)) as [string, string, string];
    /** A copy of shard 1 whose header says something else. */
    const variant = (name: string, edit: (h: PartHeader) => void) => {
      const [head, ...rest] = readFileSync(p1, 'utf8').split('\n');
      const h = JSON.parse(head!) as PartHeader;
      edit(h);
      writeFileSync(at(name), [JSON.stringify(h), ...rest].join('\n'));
      return at(name);
    };
    const spec = (h: PartHeader) => h.spec as BatchSpec;
    const cases: [string[], RegExp][] = [
      [
        [
          p0,
          variant('v-seed.jsonl', (h) => {
            spec(h).seed = 'b';
          }),
          p2,
        ],
        /v-seed\.jsonl does not belong with .*b-0\.jsonl.*seed "b", not "sh"/,
      ],
      [
        [
          p0,
          variant('v-pol.jsonl', (h) => {
            spec(h).policies.us = 'hawk';
          }),
          p2,
        ],
        /policies\.us "hawk", not "historical"/,
      ],
      [
        [
          p0,
          variant('v-runs.jsonl', (h) => {
            spec(h).runs = 3001;
          }),
          p2,
        ],
        /runs 3001, not 3000/,
      ],
      [
        [
          p0,
          variant('v-hash.jsonl', (h) => {
            spec(h).scenario.hash = 'feed';
          }),
          p2,
        ],
        /scenario\.hash "feed", not "[0-9a-f]+"/,
      ],
      [
        [
          p0,
          variant('v-params.jsonl', (h) => {
            spec(h).params = { shareIraq: 0.5 };
          }),
          p2,
        ],
        /params\.shareIraq 0\.5, not undefined/,
      ],
      [
        [
          p0,
          variant('v-count.jsonl', (h) => {
            h.shard = { index: 1, count: 4 };
          }),
          p2,
        ],
        /shard 1\/4 but .* is shard 0\/3: .*different numbers of shards/,
      ],
      [[p0, p1, p1, p2], /both shard 1\/3: overlapping/],
      [
        [
          p0,
          variant('v-overlap.jsonl', (h) => {
            h.shard.index = 0;
          }),
          p2,
        ],
        /both shard 0\/3: overlapping/,
      ],
      [[p0, p2], /missing shard 1 of 3/],
      [[p0, p1, at('c-2.jsonl')], /part of a compare run, but .* of a batch run/],
      [
        [
          p0,
          variant('v-model.jsonl', (h) => {
            h.model = '0.0.9+0123456789abcdef';
          }),
          p2,
        ],
        /v-model\.jsonl was played by model 0\.0\.9\+0123456789abcdef, but .*b-0\.jsonl by model .*: parts of different model versions do not merge/,
      ],
      [
        [
          variant('v-model0.jsonl', (h) => {
            h.model = '0.0.9+0123456789abcdef';
            h.shard.index = 0;
          }),
        ],
        /played by model 0\.0\.9\+0123456789abcdef, but this Brink is model /,
      ],
      [[join(ROOT, 'package.json')], /not a brink\.part\/1 file/],
    ];
    for (const [parts, message] of cases) expect(() => mergeParts(parts), parts.join(' ')).toThrow(message);
    // Through the command line: exit 2, the message, no stack trace, nothing on stdout.
    const r = brink(['merge', p0, p2, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^brink: missing shard 1 of 3/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    const m = brink(['merge', p0, at('v-model.jsonl'), p2, '--json']);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(
      /^brink: .*v-model\.jsonl was played by model 0\.0\.9\+0123456789abcdef, but .* parts of different model versions do not merge/,
    );
    expect(m.stdout).toBe('');
  }, 300_000); // separate processes: generous for a loaded machine

  it('refuses an unfinished shard, and --resume finishes it to the same merged bytes', () => {
    const base = ['compare', '--scenario', 'tower-22', '--runs', '3000', '--seed', 'shc', '--us-policy-b', 'hawk', '--workers', '2'];
    const parts = [0, 1, 2].map((k) => at(`c-${k}.jsonl`));
    // Shard 2 killed after its first chunk, mid-way through writing the second.
    const lines = readFileSync(parts[2]!, 'utf8').split('\n');
    expect(lines.length).toBeGreaterThan(3);
    writeFileSync(parts[2]!, `${lines.slice(0, 2).join('\n')}\n${lines[2]!.slice(0, 40)}`);
    expect(() => mergeParts(parts)).toThrow(/c-2\.jsonl: shard 2\/3 is incomplete: \d+ of its 1000 games finished; .*--resume/);

    // Resuming checks the file is this run's shard.
    const header = readPart(parts[2]!).header;
    expect(() => PartWriter.open(parts[2]!, { ...header, spec: { ...header.spec, seed: 'other' } }, true)).toThrow(
      /belongs to another run.*seed "shc", not "other"/,
    );
    expect(() => PartWriter.open(parts[2]!, { ...header, shard: { index: 1, count: 3 } }, true)).toThrow(
      /belongs to another run.*shard\.index 2, not 1/,
    );
    expect(() => PartWriter.open(parts[2]!, header, false)).toThrow(/already exists: pass --resume/);

    const resumed = brink([...base, '--shard', '2/3', '--out', parts[2]!, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const merged = brink(['merge', ...parts, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(compareWhole);
  }, 300_000); // separate processes: generous for a loaded machine
});
