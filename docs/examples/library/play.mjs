// A program of your own that uses Brink as a library (docs/library.md): it plays one game with its own
// bot (measured.mjs) as the US against Brink's historical Iran, prints the verdict, and writes the game
// as brink.run/2 JSON, the format `brink run --json` prints.
//
//   npm install /path/to/brink-0.1.0.tgz
//   node play.mjs [seed] [out.json]
import { writeFileSync } from 'node:fs';
import { BUILTIN_POLICIES, loadScenario, playGame, runRecord } from 'brink';
import { policies } from './measured.mjs';

const [seed = '7', out] = process.argv.slice(2);
// Brink's bots plus ours: a registry is a value, passed to whoever plays; nothing global changes.
const bots = BUILTIN_POLICIES.with(Object.entries(policies));
const scenario = loadScenario('tower-22');
const state = playGame(scenario, { seed, us: bots.get('measured', 'us'), iran: bots.get('historical', 'iran') });
const record = runRecord(state, { us: 'measured', iran: 'historical' });

console.log(`${scenario.title}, seed ${seed}: ${record.outcome.verdict.id} after ${record.outcome.turnsPlayed} turns`);
console.log(`scores: US ${record.outcome.scores.us}, Iran ${record.outcome.scores.iran}`);
if (out) writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
