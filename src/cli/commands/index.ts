/** Every command module, in the order their commands appear in `brink --help` after run and scenarios. */
import type { CommandModule } from '../command.ts';
import { register as backtest } from './backtest.ts';
import { register as batch } from './batch.ts';
import { register as calibrate } from './calibrate.ts';
import { register as compare } from './compare.ts';
import { register as explain } from './explain.ts';
import { register as merge } from './merge.ts';
import { register as play } from './play.ts';
import { register as replay } from './replay.ts';
import { register as report } from './report.ts';
import { register as schema } from './schema.ts';
import { register as sensitivity } from './sensitivity.ts';
import { register as sweep } from './sweep.ts';

export const COMMAND_MODULES: readonly CommandModule[] = [
  schema, backtest, explain, report, play, replay, batch, compare, sweep, merge, calibrate, sensitivity,
];
