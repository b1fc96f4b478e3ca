/**
 * `brink replay FILE`: re-simulates a saved game from its decision log (newGame + step), prints it turn
 * by turn, and checks that it reproduces the saved state exactly. Exit 1 when it does not; exit 2 for a
 * file that cannot be used (corrupt, truncated, another scenario version).
 */
import type { Command } from 'commander';
import { replaySave } from '../../engine/save.ts';
import { lastWeekFire } from '../../analysis/war-odds.ts';
import { formatHeader, formatTurn } from '../format.ts';
import { buildDebrief, formatDebrief } from '../../analysis/debrief/debrief.ts';
import type { CommandModule } from '../command.ts';
import { readSave } from './save-io.ts';
import { offRecordSides } from '../../policies/index.ts';
import { commandersOf, humanSides } from '../../ui/session.ts';
import { plural } from '../../analysis/render.ts';
import { paramsText } from '../../batch/params-arg.ts';

export const register: CommandModule = (program: Command, io, setExit) => {
  program
    .command('replay')
    .description('re-simulate a saved game from its decisions and verify it reproduces exactly')
    .argument('<file>', 'a save file (brink.save/4, /3 or /2, or a brink.save/1 file from the current model)')
    .option('--scenario <id|path>', 'the scenario file, when it is not a built-in one')
    .option('--accept-edited', 'replay a file changed by hand since it was saved (its integrity hash no longer matches)')
    .action((file: string, opts: { scenario?: string; acceptEdited?: boolean }) => {
      const { save, scenario } = readSave(file, {
        ...(opts.scenario ? { scenario: opts.scenario } : {}),
        acceptEdited: opts.acceptEdited === true,
      });
      const policies = commandersOf(save);
      const offRecord = offRecordSides(policies);
      let header = false;
      const result = replaySave(save, scenario, (state, events) => {
        if (!header) {
          io.out(formatHeader(state, policies));
          io.out(
            Object.keys(save.params).length > 0
              ? `Parameter overrides: ${paramsText(save.params, ', ')}\n`
              : "Parameter overrides: none (the scenario's own values)\n",
          );
          header = true;
        }
        io.out(formatTurn(state.history[state.history.length - 1]!, events, offRecord, lastWeekFire(state)));
      });
      // The same debrief brink run and brink play print: one text ending for every command.
      if (result.state.over) io.out(formatDebrief(buildDebrief(result.state, scenario, { humans: humanSides(save.side), offRecord })));
      else io.out(`\nSaved after turn ${result.state.turn} of ${result.state.scenario.turns}; the game is not finished.`);
      if (!result.matches) {
        const where = result.firstDifference === null ? 'the final state differs' : `first difference at turn ${result.firstDifference}`;
        io.err(`${file}: replay does NOT reproduce the saved game (${where}).`);
        setExit(1);
        return;
      }
      io.out(
        `Replay verified: ${plural(save.decisions.length, 'turn')} ${save.decisions.length === 1 ? 'reproduces' : 'reproduce'} the saved state exactly.`,
      );
    });
};
