
import './schema.ts';
import './backtest.ts';
import './explain.ts';
import './report.ts';
import './play.ts';
import './replay.ts';
import './batch.ts';
import './compare.ts';
import './sweep.ts';
import './merge.ts';
import './calibrate.ts';
import './sensitivity.ts';
