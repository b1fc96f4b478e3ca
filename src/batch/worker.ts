/**
 * A batch worker: loads the scenarios and bots once, then plays the game indices it is sent and posts
 * the records back in small groups. A game that throws is reported with its index and seed (the games
 * before it in the group are sent along), and the worker stops there: the main thread decides what next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importModules, playIndex, prepareArms, type PreparedArm } from './play-arms.ts';
import type { FromWorker, GameResult, ToWorker, WorkerSetup } from './protocol.ts';
import { gameSeed } from './seeds.ts';

/** Results are posted in groups: one message per game would cost more than a short game. */
const GROUP = 32;

const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (m: FromWorker) => port.postMessage(m);

let arms: PreparedArm[];
try {
  await importModules(setup.modules);
  arms = prepareArms(setup);
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  throw err;
}

port.on('message', (msg: ToWorker) => {
  if (msg.type !== 'run') return;
  let group: GameResult[] = [];
  for (const index of msg.indices) {
    try {
      group.push(playIndex(arms, setup.seed, index));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      post({ type: 'game-error', index, seed: gameSeed(setup.seed, index), message, results: group });
      return;
    }
    if (group.length >= GROUP) {
      post({ type: 'results', results: group, done: false });
      group = [];
    }
  }
  post({ type: 'results', results: group, done: true });
});
