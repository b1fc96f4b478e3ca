/**
 * Where a policy's score comes from: each score line (src/engine/outcome.ts `scoreLines`) of a policy
 * B against the historical policy A for one side, averaged over paired games (game i of both arms plays
 * from the seed `SEED:i`, as `brink compare` does, so the totals are compare's figures), with B − A and its
 * 95 % paired interval, and a few counts behind the lines. The other side plays the historical bot.
 *
 *   npx tsx bench/score-lines.ts --scenario october-2023 --side us --policy always:us.major-campaign
 *   npx tsx bench/score-lines.ts --scenario rafah --policy hawk --runs 200 --seed 1 --set capabilityLossPerCampaign=0
 *
 * The score is the sum of its lines clamped to 0–100; the `sum` row is before the clamp. docs/strategy.md
 * §4.1d quotes its figures.
 */
import { parseArgs } from 'node:util';
import { totalsOf } from '../src/engine/history.ts';
import { scoreLines } from '../src/engine/outcome.ts';
import type { GameState } from '../src/engine/state.ts';
import type { Side } from '../src/model/actions.ts';
import { getPolicy } from '../src/policies/index.ts';
import { playGame } from '../src/policies/play.ts';
import { gameSeed } from '../src/batch/seeds.ts';
import { loadScenario } from '../src/scenario/loader.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'october-2023' },
    side: { type: 'string', default: 'us' },
    policy: { type: 'string', default: 'hawk' },
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    set: { type: 'string', multiple: true, default: [] },
  },
});
const side = values.side as Side;
if (side !== 'us' && side !== 'iran') throw new Error(`--side must be us or iran, not '${values.side}'`);
const runs = Number(values.runs);
const params = Object.fromEntries(
  values.set.map((kv) => {
    const [k, v] = kv.split('=');
    return [k!, Number(v)];
  }),
);
const scenario = loadScenario(values.scenario);

/** One game's score lines (points) and the counts behind them, by row name. */
function rows(state: GameState): Map<string, number> {
  const lines = scoreLines(state)[side];
  const out = new Map<string, number>(lines.map((l) => [l.term, l.points]));
  const sum = lines.reduce((s, l) => s + l.points, 0);
  out.set('sum', sum);
  out.set('score', Math.min(100, Math.max(0, sum)));
  const t = totalsOf(state);
  out.set('# attacks on US', t.attacksOnUS);
  out.set('# US killed', t.usKilled);
  out.set('# leaders killed', t.leadersKilled);
  out.set('# regional war', state.world.regionalWar ? 1 : 0);
  out.set('# deterrence at end', state.world.deterrence);
  out.set('# exit-talks momentum', state.actors.iraqiGovernment.context.withdrawalMomentum);
  out.set('# Iraqi militia capability', state.actors.iraqiMilitias.context.capability);
  out.set('# Iraqi militia grievance', state.actors.iraqiMilitias.context.grievance);
  return out;
}

function play(policy: string, i: number): Map<string, number> {
  const mine = getPolicy(policy, side);
  const theirs = getPolicy('historical', side === 'us' ? 'iran' : 'us');
  const state = playGame(scenario, {
    seed: gameSeed(values.seed, i),
    us: side === 'us' ? mine : theirs,
    iran: side === 'iran' ? mine : theirs,
    params,
  });
  return rows(state);
}

const a: Map<string, number>[] = [];
const b: Map<string, number>[] = [];
for (let i = 0; i < runs; i++) {
  a.push(play('historical', i));
  b.push(play(values.policy, i));
}
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const fmt = (x: number) => x.toFixed(2).padStart(8);
process.stdout.write(
  `${values.scenario} · ${side} · B ${values.policy} vs A historical · ${runs} paired games · seed ${values.seed}` +
    `${values.set.length ? ` · ${values.set.join(' ')}` : ''}\n${'line'.padEnd(28)}${'A'.padStart(8)}${'B'.padStart(8)}${'B − A'.padStart(8)}   95 %\n`,
);
for (const key of a[0]!.keys()) {
  const d = a.map((row, i) => b[i]!.get(key)! - row.get(key)!);
  const m = mean(d);
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, d.length - 1));
  const half = (1.96 * sd) / Math.sqrt(d.length);
  process.stdout.write(
    `${key.padEnd(28)}${fmt(mean(a.map((r) => r.get(key)!)))}${fmt(mean(b.map((r) => r.get(key)!)))}${fmt(m)}   [${(m - half).toFixed(2)}, ${(m + half).toFixed(2)}]\n`,
  );
}
