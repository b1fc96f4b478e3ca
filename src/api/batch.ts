/**
 * `brink/batch`: the Monte Carlo runner (worker threads, streaming aggregation) and the contracts of
 * its JSON outputs. Game i of a batch with seed S plays with seed `S:i`, whatever the number of workers.
 */
export { startBatch, BatchInputError, type BatchOptions, type BatchRun, type BatchResult } from '../batch/run-batch.ts';
export { startCompare, type CompareOptions, type CompareResult } from '../batch/compare.ts';
export { startSweep, type SweepOptions } from '../batch/sweep.ts';
export { loadPolicyModules } from '../batch/play-arms.ts';
export {
  BatchSchema,
  CompareSchema,
  SweepSchema,
  GameRecordSchema,
  type BatchJson,
  type CompareJson,
  type SweepJson,
} from '../batch/contract.ts';
export { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, SERIES_NAMES, type GameRecord } from '../batch/record.ts';
