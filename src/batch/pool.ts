/**
 * The worker pool: worker_threads, each fed chunks of game indices in ascending order as it becomes
 * idle. Per-game seeds depend only on the index (see seeds.ts), so which worker plays a game never
 * changes its result. A game that throws, or a worker that dies, ends the batch with a clear error and
 * no hang; `stop()` (Ctrl-C) ends it after the game each worker is playing. Results are never lost: the
 * caller has each finished game through `onChunk`, the games of a chunk cut short by a stop included.
 *
 * Workers are stopped, never terminated (see io/worker-exit.ts for why): a shared flag that each worker
 * reads between games asks it to report what it has finished, and a message asks it to leave.
 */
import { Worker } from 'node:worker_threads';
import { terminateStragglers } from '../io/worker-exit.ts';
import type { ChunkReport, FromWorker, ToWorker, WorkerData, WorkerSetup } from './protocol.ts';
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

// V8's inlining cap for the workers is set by bin/brink when the process starts, never here: changing a
// V8 flag while TurboFan compiles on its background thread can abort the process (see bin/brink).

/**
 * Chunks queued per worker. With one, a worker idles from posting a chunk's report until the main thread
 * has merged it and sent the next; on a busy machine the main thread may wait for a core that long.
 */
const PREFETCH = 2;

export class Pool {
  /** Workers that have not exited yet, leaving ones included. */
  private readonly live = new Set<Worker>();
  /** Set to 1 to ask every worker to stop after its current game (see worker.ts). */
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  /** How the batch ended, once it has; it is reported when the last worker has exited. */
  private ending: PoolStatus | undefined;
  /** Each worker's `leave`: tells it to exit once its current game is done. */
  private readonly leaveAll: (() => void)[] = [];
  private resolve!: (s: PoolStatus) => void;
  readonly done: Promise<PoolStatus>;

  constructor(private readonly opts: PoolOptions) {
    this.done = new Promise((r) => {
      this.resolve = r;
    });
    for (let i = 0; i < Math.max(1, opts.workers); i++) this.spawn();
  }

  private spawn(): void {
    const workerData: WorkerData = { setup: this.opts.setup, stop: this.stopFlag };
    const worker = new Worker(WORKER_URL, { workerData, resourceLimits: WORKER_LIMITS });
    this.live.add(worker);
    // Chunks sent and not yet reported, oldest first: a worker reports them in the order it got them.
    const inFlight: (readonly number[])[] = [];
    let drained = false;
    /** Set once the worker has been told to leave: its exit is then expected, not a crash. */
    let leaving = false;
    const leave = () => {
      if (leaving) return;
      leaving = true;
      worker.postMessage({ type: 'leave' } satisfies ToWorker);
    };
    /** Keeps PREFETCH chunks queued at the worker, so it never waits on the main thread for its next one. */
    const feed = () => {
      if (this.ending) return;
      while (!drained && inFlight.length < PREFETCH) {
        const chunk = this.opts.nextChunk();
        if (!chunk) {
          drained = true;
          break;
        }
        inFlight.push(chunk);
        worker.postMessage({ type: 'run', indices: chunk } satisfies ToWorker);
      }
      // Nothing left for this one: it leaves; when the last worker has left, the batch is complete.
      if (inFlight.length === 0) leave();
    };
    /** A report's finished games, with the indices they were played for (a chunk's first `games`). */
    const deliver = (report: ChunkReport) => {
      const chunk = inFlight.shift() ?? [];
      if (report.games > 0) this.opts.onChunk({ ...report, indices: chunk.slice(0, report.games) });
    };
    worker.on('message', (msg: FromWorker) => {
      switch (msg.type) {
        case 'ready':
          feed();
          break;
        case 'fatal':
          this.end({ status: 'failed', failure: { message: `a worker could not start: ${msg.message}` } });
          break;
        case 'chunk':
          deliver(msg);
          feed();
          break;
        case 'game-error':
          // A worker plays its chunk in order: the games before the failing one are finished.
          deliver(msg);
          this.end({ status: 'failed', failure: { message: msg.message, index: msg.index, seed: msg.seed } });
          break;
      }
    });
    const crashed = (why: string) => {
      const busy = inFlight[0];
      const range =
        busy && busy.length > 0
          ? ` while playing games ${busy[0]}–${busy[busy.length - 1]} (seeds ${gameSeed(this.opts.setup.seed, busy[0]!)} … ${gameSeed(this.opts.setup.seed, busy[busy.length - 1]!)})`
          : '';
      this.end({ status: 'failed', failure: { message: `a worker crashed${range}: ${why}` } });
    };
    worker.on('error', (err) => crashed(err.message));
    worker.on('exit', (code) => {
      this.live.delete(worker);
      if (!leaving) crashed(`it exited with code ${code}`);
      if (this.live.size > 0) return;
      this.end({ status: 'complete' });
      this.resolve(this.ending!);
    });
    this.leaveAll.push(leave);
  }

  stop(): void {
    this.end({ status: 'stopped' });
  }

  /**
   * Records how the batch ended (the first ending wins), and asks every worker to leave after its current
   * game; `done` resolves when the last has exited. Reports that arrive meanwhile are still delivered.
   */
  private end(status: PoolStatus): void {
    if (this.ending) return;
    this.ending = status;
    Atomics.store(this.stopFlag, 0, 1);
    for (const leave of this.leaveAll) leave();
    void this.done.then(terminateStragglers(this.live));
  }
}
