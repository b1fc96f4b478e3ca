/**
 * Runs evaluation tasks on all cores (worker_threads), or in this thread with `workers: 0` (tests).
 * Results come back in task order whatever worker ran them, so every caller is deterministic for any
 * number of workers.
 */
import { Worker } from 'node:worker_threads';
import { exited, terminateStragglers } from '../../io/worker-exit.ts';
import { measure, type EvalTask } from './measures.ts';

/** The compiled worker beside the compiled pool; from the TypeScript sources (tests), an entry that loads tsx first. */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./eval-worker-tsx.mjs', import.meta.url)
  : new URL('./eval-worker.js', import.meta.url);
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 24 };

type Reply = { id: number; values?: number[]; error?: string; ready?: true };

export class EvalPool {
  private readonly workers: Worker[] = [];
  private readonly ready: Promise<void>[] = [];

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
      this.workers.push(w);
      this.ready.push(
        new Promise((resolve, reject) => {
          const onMsg = (m: Reply) => {
            if (m.ready) {
              w.off('message', onMsg);
              resolve();
            }
          };
          w.on('message', onMsg);
          w.once('error', reject);
        }),
      );
    }
  }

  /** Measures every task; `onDone` after each (progress). */
  async run(tasks: readonly EvalTask[], onDone: (done: number) => void = () => {}): Promise<number[][]> {
    const out: number[][] = new Array(tasks.length);
    let done = 0;
    if (this.size === 0) {
      tasks.forEach((t, i) => {
        out[i] = measure(t);
        onDone(++done);
      });
      return out;
    }
    await Promise.all(this.ready);
    let next = 0;
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) {
                w.off('message', onMsg);
                w.off('error', onErr);
                resolve();
                return;
              }
              const id = next++;
              w.postMessage({ id, task: tasks[id] });
            };
            const onMsg = (m: Reply) => {
              if (m.ready) return;
              if (m.error !== undefined) {
                reject(new Error(`evaluation failed (parameters ${JSON.stringify(tasks[m.id]!.params)}): ${m.error}`));
                return;
              }
              out[m.id] = m.values!;
              onDone(++done);
              feed();
            };
            const onErr = (e: Error) => reject(e);
            w.on('message', onMsg);
            w.on('error', onErr);
            feed();
          }),
      ),
    );
    return out;
  }

  /** Asks every worker to leave and waits until all have exited (never terminating one that leaves; see io/worker-exit.ts). */
  async close(): Promise<void> {
    const all = this.workers.splice(0);
    const cancel = terminateStragglers(all);
    for (const w of all) w.postMessage({ leave: true });
    await Promise.all(all.map(exited));
    cancel();
  }
}
