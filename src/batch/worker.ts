/**
 * A batch worker: loads the scenarios and bots once, then plays the chunks of game indices it is sent.
 * For each chunk it posts one report: the chunk's aggregate (and the records, when the main thread
 * writes them to a file). A game that throws is reported with its index and seed, along with the
 * chunk's games before it; the worker then stops that chunk and the main thread decides what next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Collector } from './collector.ts';
import { loadPolicyModules, playIndex, prepareArms, type PreparedArm } from './play-arms.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';
import type { GameRecord } from './record.ts';
import { gameSeed } from './seeds.ts';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (m: FromWorker) => port.postMessage(m);

let arms: PreparedArm[];
try {
  arms = prepareArms(setup, await loadPolicyModules(setup.modules));
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  throw err;
}
const turns = arms.map((a) => a.scenario.turns);

port.on('message', (msg: ToWorker) => {
  if (msg.type !== 'run') return;
  const collector = new Collector(turns, setup.paired);
  const records: GameRecord[] = [];
  let games = 0;
  for (const index of msg.indices) {
    try {
      const g = playIndex(arms, setup.seed, index, setup.uncertainty);
      collector.add(g);
      if (setup.sendRecords) records.push(g.records[0]!);
      games++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      post({ type: 'game-error', index, seed: gameSeed(setup.seed, index), message, games, data: collector.data(), records });
      return;
    }
  }
  post({ type: 'chunk', games, data: collector.data(), records });
});
