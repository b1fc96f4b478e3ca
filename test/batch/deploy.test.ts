/**
 * The shipped cluster files (deploy/): the Slurm array script, run once per array index as local
 * processes, writes parts that merge into the unsharded batch; the Kubernetes Indexed Job runs as many
 * pods as its command has shards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeParts } from '../../src/batch/merge.ts';
import { startBatch } from '../../src/batch/run-batch.ts';
import { BIN, ROOT } from '../helpers/cli.ts';
import { scenario } from '../helpers/fixtures.ts';

const SBATCH = join(ROOT, 'deploy/slurm/batch-array.sbatch');

function task(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [SBATCH], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('deploy/', () => {
  it('the Slurm array script, run for each array index, writes parts that merge into the unsharded batch', async () => {
    const text = readFileSync(SBATCH, 'utf8');
    const array = /^#SBATCH --array=0-(\d+)$/m.exec(text);
    expect(array).not.toBeNull();
    const shards = Number(array![1]) + 1;
    expect(text).toContain(`SHARDS=\${SHARDS:-${shards}}`);
    const out = mkdtempSync(join(tmpdir(), 'brink-slurm-'));
    const env = {
      RUNS: '60',
      SCENARIO: 'tower-22',
      SEED: 'slurm',
      OUT_DIR: out,
      BRINK: `${process.execPath} ${BIN}`,
      SLURM_CPUS_PER_TASK: '1',
    };
    const results = await Promise.all(Array.from({ length: shards }, (_, k) => task({ ...env, SLURM_ARRAY_TASK_ID: String(k) })));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const merged = mergeParts(Array.from({ length: shards }, (_, k) => join(out, `part-${k}.jsonl`)));
    const s = scenario('tower-22');
    const whole = await startBatch({
      scenario: s,
      scenarioArg: 'tower-22',
      runs: 60,
      seed: 'slurm',
      us: 'historical',
      iran: 'historical',
      params: {},
      workers: 1,
      modules: [],
    }).done;
    expect(JSON.stringify(merged.json, null, 2)).toBe(JSON.stringify(whole.json, null, 2));
    expect(JSON.parse(readFileSync(join(out, 'shard-1.json'), 'utf8')).shard.index).toBe(1);
  }, 300_000); // separate processes: generous for a loaded machine

  it('the Kubernetes Job is Indexed, with as many completions as its command has shards', () => {
    const job = parse(readFileSync(join(ROOT, 'deploy/kubernetes/batch-indexed-job.yaml'), 'utf8'));
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    const container = job.spec.template.spec.containers[0];
    const command = [...container.command, ...container.args].join(' ');
    const shard = / --shard (\d+) /.exec(command);
    expect(shard, command).not.toBeNull();
    expect(job.spec.completions).toBe(Number(shard![1]));
    expect(command).toMatch(/--out \/results\/part-\$JOB_COMPLETION_INDEX\.jsonl --resume/);
    expect(job.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(0);
  });
});
