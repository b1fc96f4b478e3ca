/**
 * Per-game seeds. Game i of a batch with seed S plays with the seed `S:i`, whatever worker plays it and
 * in whatever order: the batch is reproducible for any --workers, and any single game can be replayed
 * alone with `brink run --seed 'S:i'`.
 */
export function gameSeed(batchSeed: string, index: number): string {
  return `${batchSeed}:${index}`;
}
