/**
 * Ending worker threads without `Worker.terminate()`. Terminating tears an isolate down while V8 may be
 * compiling its code on a background thread; twice under heavy load on Node 20.20.2 that crashed the
 * whole process in V8's inliner ("Check failed: inlineability…"), losing a batch's summary. Brink's
 * workers are asked to leave by message instead: each closes its port and its thread exits on its own.
 * Termination stays only as the last resort for a worker that does not leave (a user policy in a loop).
 */
import type { Worker } from 'node:worker_threads';

/** How long a worker asked to leave may take before it is terminated; a game or a task takes milliseconds. */
export const LEAVE_GRACE_MS = 5_000;

/**
 * Terminates whichever of `live` (read when the time comes) are still running after the grace period.
 * The timer never holds the process open; call the returned function once they have all exited.
 */
export function terminateStragglers(live: Iterable<Worker>): () => void {
  const timer = setTimeout(() => {
    for (const w of live) void w.terminate();
  }, LEAVE_GRACE_MS);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Resolves when the worker's thread has exited (at once if it already has). */
export function exited(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.threadId === -1) resolve();
    else worker.once('exit', () => resolve());
  });
}
