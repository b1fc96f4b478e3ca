/**
 * An evaluation worker: measures each task it is sent (measures.ts) and posts the numbers back. Told to
 * leave, it closes its port and its thread exits on its own (see io/worker-exit.ts).
 */
import { parentPort } from 'node:worker_threads';
import { measure, type EvalTask } from './measures.ts';

const port = parentPort!;
port.on('message', (msg: { id: number; task: EvalTask } | { leave: true }) => {
  if ('leave' in msg) {
    port.close();
    return;
  }
  try {
    port.postMessage({ id: msg.id, values: measure(msg.task) });
  } catch (err) {
    port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ ready: true });
