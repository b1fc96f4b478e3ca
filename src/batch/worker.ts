/**
 * A batch worker: loads the scenarios and bots once, then plays the chunks of game indices it is sent.
 * For each chunk it posts one report: the chunk's aggregate (and the records, when the main thread
 * writes them to a file). A game that throws is reported with its index and seed, along with the
 * chunk's games before it; the worker then stops that chunk and the main thread decides what next.
 * It reads the pool's stop flag before every move: once set, it abandons the game it is playing, reports
 * the games of the chunk it finished, and plays no more. A stop so waits for one move at most, a search
 * bot's included. Told to leave, it closes its port and the thread exits on its own (see
 * io/worker-exit.ts for why it is never terminated).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Collector } from './collector.ts';
import { loadPolicyModules, playIndex, prepareArms, type PreparedArm } from './play-arms.ts';
import type { FromWorker, ToWorker, WorkerData } from './protocol.ts';
import type { Policy } from '../policies/index.ts';
import type { GameRecord } from './record.ts';
import { gameSeed } from './seeds.ts';

const port = parentPort!;
const { setup, stop } = workerData as WorkerData;
const post = (m: FromWorker) => port.postMessage(m);

/** Thrown out of a game by a bot asked to move after the stop flag is set; it is not a failure. */
const STOPPED = Symbol('stopped');
const stopped = () => Atomics.load(stop, 0) === 1;
/** The bot, checking the stop flag before each move it makes. */
function stoppable(bot: Policy): Policy {
  return {
    id: bot.id,
    name: bot.name,
    description: bot.description,
    choose(obs, rng, worlds) {
      if (stopped()) throw STOPPED;
      return bot.choose(obs, rng, worlds);
    },
  };
}

let arms: PreparedArm[];
try {
  arms = prepareArms(setup, await loadPolicyModules(setup.modules)).map((a) => ({ ...a, us: stoppable(a.us), iran: stoppable(a.iran) }));
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  throw err;
}
const turns = arms.map((a) => a.scenario.turns);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'leave') {
    port.close();
    return;
  }
  const collector = new Collector(turns, setup.paired);
  const records: GameRecord[] = [];
  let games = 0;
  for (const index of msg.indices) {
    if (stopped()) break;
    try {
      const g = playIndex(arms, setup.seed, index, setup.uncertainty);
      collector.add(g);
      if (setup.sendRecords) records.push(g.records[0]!);
      games++;
    } catch (err) {
      if (err === STOPPED) break;
      const message = err instanceof Error ? err.message : String(err);
      post({ type: 'game-error', index, seed: gameSeed(setup.seed, index), message, games, data: collector.data(), records });
      return;
    }
  }
  post({ type: 'chunk', games, data: collector.data(), records });
});
