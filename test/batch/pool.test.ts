/**
 * The worker pool ends its workers by asking them to leave, never by `Worker.terminate()` (which twice
 * crashed V8 mid-compile; see src/io/worker-exit.ts). A stop abandons the game under way at the next
 * move, keeps the games finished before it, and terminates only a worker that does not leave in time.
 * The waiting bot (test/batch/fixtures/failing-policies.ts) holds a move until the test releases it.
 */
import { existsSync, mkdtempSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pool, type PoolStatus } from '../../src/batch/pool.ts';
import type { WorkerSetup } from '../../src/batch/protocol.ts';
import { LEAVE_GRACE_MS } from '../../src/io/worker-exit.ts';
import { scenario } from '../helpers/fixtures.ts';

const MODULE = 'test/batch/fixtures/failing-policies.ts';

function setup(us: string): WorkerSetup {
  return {
    arms: [{ scenario: 'tower-22', us, iran: 'historical', params: {} }],
    scenarios: [scenario('tower-22')],
    seed: 'pool',
    modules: us.startsWith('test-') ? [MODULE] : [],
    paired: false,
    sendRecords: false,
  };
}

/** Chunks of `size` over 0…games−1, in order. */
function chunks(games: number, size: number): () => number[] | null {
  let next = 0;
  return () => {
    if (next >= games) return null;
    const chunk = Array.from({ length: Math.min(size, games - next) }, (_, k) => next + k);
    next += chunk.length;
    return chunk;
  };
}

/** Resolves once `path` exists, on the directory's change events (no timer). */
function appears(path: string): Promise<void> {
  return new Promise((resolve) => {
    const w = watch(join(path, '..'), () => {
      if (existsSync(path)) {
        w.close();
        resolve();
      }
    });
    if (existsSync(path)) {
      w.close();
      resolve();
    }
  });
}

/** A pool of one worker whose US bot waits at every move; its marker and release files. */
function waitingPool(games: number) {
  const dir = mkdtempSync(join(tmpdir(), 'brink-pool-'));
  const waiting = join(dir, 'waiting');
  const release = join(dir, 'release');
  vi.stubEnv('BRINK_TEST_WAITING', waiting);
  vi.stubEnv('BRINK_TEST_RELEASE', release);
  const played: number[] = [];
  const pool = new Pool({
    setup: setup('test-waits'),
    workers: 1,
    nextChunk: chunks(games, games),
    onChunk: (r) => played.push(...r.indices),
  });
  return { pool, played, waiting, release };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the worker pool', () => {
  it('plays every game and lets its workers leave, terminating none', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const played: number[] = [];
    const pool = new Pool({ setup: setup('historical'), workers: 2, nextChunk: chunks(40, 5), onChunk: (r) => played.push(...r.indices) });
    expect(await pool.done).toEqual<PoolStatus>({ status: 'complete' });
    expect(played.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(terminate).not.toHaveBeenCalled();
  });

  it('on stop abandons the game under way at its next move, and its worker leaves without being terminated', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const { pool, played, waiting, release } = waitingPool(3);
    await appears(waiting); // game 0 is under way, its first move held
    pool.stop();
    writeFileSync(release, 'go\n'); // every move from now on is answered at once
    expect(await pool.done).toEqual<PoolStatus>({ status: 'stopped' });
    // Played on, game 0 would have finished now that its moves are answered: it was abandoned instead.
    expect(played).toEqual([]);
    expect(terminate).not.toHaveBeenCalled();
  });

  it(`terminates a worker whose bot never answers, ${LEAVE_GRACE_MS / 1000} s after the stop, and the stop still ends`, async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const { pool, played, waiting } = waitingPool(3);
    await appears(waiting);
    pool.stop();
    expect(await pool.done).toEqual<PoolStatus>({ status: 'stopped' });
    expect(played).toEqual([]);
    expect(terminate).toHaveBeenCalledTimes(1);
  }, 30_000);
});
