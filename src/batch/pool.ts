/**
 * The worker pool: worker_threads, each fed chunks of game indices in ascending order as it becomes
 * idle. Per-game seeds depend only on the index (see seeds.ts), so which worker plays a game never
 * changes its result. A game that throws, or a worker that dies, ends the batch with a clear error and
 * no hang; `stop()` (Ctrl-C) ends it at once. Results already received are never lost: the caller
 * has had each one through `onChunk`.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ChunkReport, FromWorker, ToWorker, WorkerSetup } from './protocol.ts';
import { gameSeed } from './seeds.ts';

export interface PoolFailure {
  readonly message: string;
  /** The game that failed, when known exactly. */
  readonly index?: number;
  readonly seed?: string;
}

export type PoolStatus =
  | { readonly status: 'complete' }
  | { readonly status: 'stopped' }
  | { readonly status: 'failed'; readonly failure: PoolFailure };

export interface PoolOptions {
  readonly setup: WorkerSetup;
  readonly workers: number;
  /** The next indices to play, or null when none are left. Called in order; chunks must ascend. */
  readonly nextChunk: () => readonly number[] | null;
  /** Each chunk's finished games and their indices, as they arrive (in no particular order between workers). */
  readonly onChunk: (report: ChunkReport & { readonly indices: readonly number[] }) => void;
}

/** The compiled worker beside the compiled pool; from the TypeScript sources (tests), an entry that loads tsx first. */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./worker-tsx.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);

/**
 * A worker keeps one game alive at a time, so its live heap is a few megabytes; without limits V8 lets
 * each isolate's heap grow to hundreds of megabytes of garbage before collecting, and peak memory would
 * grow with the batch. These caps keep the whole batch's RSS flat (`npm run bench` measures it).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 24 };

/**
 * V8 tuning for the workers, set once before the first one starts (V8's flags are process-wide and read
 * when code is compiled, so every isolate started afterwards compiles with them; results never change).
 *
 * Why: each worker is a fresh isolate that compiles the engine's hot functions with TurboFan on its own,
 * and that compiling, with its slow first games, was most of a worker's fixed cost: about a second of CPU
 * before a worker reached its steady pace, paid once per worker, so the second worker of a batch paid it
 * again (the 1 → 2 worker gap) and a batch of a few thousand games spent more on it than on its games.
 * V8 inlines callees of up to 460 bytes of bytecode by default; the engine's phases call many middling
 * helpers, and inlining them all made the big functions slow to compile and, when a rare event changed a
 * shape they had assumed, slow to compile again. A 120-byte cap keeps the small helpers inlined.
 * Measured by instruction counts (valgrind callgrind, one thread playing october-2023): 300 games 4.07 →
 * 3.56 G, 1,500 games 6.55 → 5.87 G. `npm run bench` (section 2, and `--against`) measures what it does to a batch.
 */
export const WORKER_V8_FLAGS = ['--max-inlined-bytecode-size=120'] as const;
let v8Tuned = false;
function tuneV8(): void {
  if (v8Tuned) return;
  v8Tuned = true;
  for (const flag of WORKER_V8_FLAGS) setFlagsFromString(flag);
}

/**
 * Chunks queued per worker. With one, a worker idles from posting a chunk's report until the main thread
 * has merged it and sent the next; on a busy machine the main thread may wait for a core that long.
 */
const PREFETCH = 2;

export class Pool {
  private readonly workers: Worker[] = [];
  private settled = false;
  private resolve!: (s: PoolStatus) => void;
  readonly done: Promise<PoolStatus>;

  constructor(private readonly opts: PoolOptions) {
    this.done = new Promise((r) => {
      this.resolve = r;
    });
    for (let i = 0; i < Math.max(1, opts.workers); i++) this.spawn();
  }

  private spawn(): void {
    tuneV8();
    const worker = new Worker(WORKER_URL, { workerData: this.opts.setup, resourceLimits: WORKER_LIMITS });
    this.workers.push(worker);
    // Chunks sent and not yet reported, oldest first: a worker reports them in the order it got them.
    const inFlight: (readonly number[])[] = [];
    let drained = false;
    /** Keeps PREFETCH chunks queued at the worker, so it never waits on the main thread for its next one. */
    const feed = () => {
      if (this.settled) return;
      while (!drained && inFlight.length < PREFETCH) {
        const chunk = this.opts.nextChunk();
        if (!chunk) {
          drained = true;
          break;
        }
        inFlight.push(chunk);
        worker.postMessage({ type: 'run', indices: chunk } satisfies ToWorker);
      }
      if (inFlight.length > 0) return;
      // Nothing left for this one: it leaves; when the last busy worker finishes, the batch is complete.
      this.workers.splice(this.workers.indexOf(worker), 1);
      void worker.terminate();
      if (this.workers.length === 0) this.finish({ status: 'complete' });
    };
    worker.on('message', (msg: FromWorker) => {
      if (this.settled) return;
      switch (msg.type) {
        case 'ready':
          feed();
          break;
        case 'fatal':
          this.finish({ status: 'failed', failure: { message: `a worker could not start: ${msg.message}` } });
          break;
        case 'chunk':
          this.opts.onChunk({ ...msg, indices: inFlight.shift()!.slice(0, msg.games) });
          feed();
          break;
        case 'game-error':
          // A worker plays its chunk in order: the games before the failing one are finished.
          this.opts.onChunk({ ...msg, indices: inFlight.shift()!.slice(0, msg.games) });
          this.finish({ status: 'failed', failure: { message: msg.message, index: msg.index, seed: msg.seed } });
          break;
      }
    });
    const crashed = (why: string) => {
      if (this.settled) return;
      const busy = inFlight[0];
      const range =
        busy && busy.length > 0
          ? ` while playing games ${busy[0]}–${busy[busy.length - 1]} (seeds ${gameSeed(this.opts.setup.seed, busy[0]!)} … ${gameSeed(this.opts.setup.seed, busy[busy.length - 1]!)})`
          : '';
      this.finish({ status: 'failed', failure: { message: `a worker crashed${range}: ${why}` } });
    };
    worker.on('error', (err) => crashed(err.message));
    worker.on('exit', (code) => {
      if (this.workers.includes(worker)) crashed(`it exited with code ${code}`);
    });
  }

  stop(): void {
    this.finish({ status: 'stopped' });
  }

  private finish(status: PoolStatus): void {
    if (this.settled) return;
    this.settled = true;
    const all = this.workers.splice(0);
    void Promise.all(all.map((w) => w.terminate())).then(() => this.resolve(status));
  }
}
