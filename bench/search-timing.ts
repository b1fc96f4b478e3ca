/**
 * CPU a decision of a searching bot (docs/strategy.md §4.2): the bot plays `turns` consecutive turns
 * from the start of each scenario against the other side's historical bot, and each decision's process
 * CPU time (user + system) is printed. The first decision of the run warms the code and is not counted.
 *
 *   npx tsx bench/search-timing.ts [--policy hard] [--turns 4] [--seed timing] [--scenario ID]...
 */
import { otherSide, type Side } from '../src/model/actions.ts';
import { loadScenario } from '../src/scenario/loader.ts';
import { newGame, step } from '../src/engine/game.ts';
import { chooseAction, getPolicy } from '../src/policies/index.ts';
import { ALL_SCENARIOS } from '../src/batch/strategy.ts';

const argv = process.argv.slice(2);
const flag = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : dflt;
};
const policyId = flag('--policy', 'hard');
const turns = Number(flag('--turns', '4'));
const seed = flag('--seed', 'timing');
const scenarios = argv.flatMap((a, i) => (a === '--scenario' && argv[i + 1] ? [argv[i + 1]!] : []));

function decisions(scenario: string, side: Side): number[] {
  let state = newGame(loadScenario(scenario), { seed });
  const bot = getPolicy(policyId, side);
  const other = getPolicy('historical', otherSide(side));
  const cpu: number[] = [];
  for (let t = 0; t < turns && state.over === null; t++) {
    const c0 = process.cpuUsage();
    const mine = chooseAction(state, side, bot);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    const theirs = chooseAction(state, otherSide(side), other);
    state = step(state, side === 'us' ? { us: mine, iran: theirs } : { us: theirs, iran: mine }).state;
  }
  return cpu;
}

decisions(scenarios[0] ?? 'tower-22', 'us'); // warm-up
const all: number[] = [];
for (const sc of scenarios.length ? scenarios : ALL_SCENARIOS) {
  for (const side of ['us', 'iran'] as const) {
    const cpu = decisions(sc, side);
    all.push(...cpu);
    console.log(`${sc.padEnd(13)} ${side.padEnd(5)} ${cpu.map((x) => x.toFixed(2)).join(' ')}`);
  }
}
all.sort((a, b) => a - b);
const mean = all.reduce((a, b) => a + b, 0) / all.length;
console.log(
  `${policyId}: ${all.length} decisions, mean ${mean.toFixed(2)} s, median ${all[Math.floor(all.length / 2)]!.toFixed(2)} s, max ${all[all.length - 1]!.toFixed(2)} s, above 0.5 s: ${all.filter((x) => x > 0.5).length}`,
);
