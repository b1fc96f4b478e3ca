/**
 * Commands that live in their own modules register themselves with `addCommand` when imported here.
 * (Kept as one list so `main` stays the same as commands are added.)
 */
export {};
import './schema.ts';
import './backtest.ts';
import './explain.ts';
import './report.ts';
import './play.ts';
import './replay.ts';
import './batch.ts';
import './compare.ts';
import './sweep.ts';
