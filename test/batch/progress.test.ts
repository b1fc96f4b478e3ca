/** The progress line's speed and time left (src/batch/progress.ts): nothing invented before a game is done. */
import { describe, expect, it } from 'vitest';
import { speedText } from '../../src/batch/progress.ts';

describe('the progress line', () => {
  it('says the first games are under way until one is done, instead of 0/s and ETA 0s', () => {
    expect(speedText(0, 8, 0)).toBe('first games under way…');
    expect(speedText(0, 8, 0)).not.toMatch(/ETA|\/s/);
  });

  it('reads fast batches in games a second and slow ones (a searching bot) in seconds a game', () => {
    expect(speedText(100, 1000, 250)).toBe('250/s · ETA 4s');
    expect(speedText(2, 8, 0.25)).toBe('4.0 s a game · ETA 24s');
    expect(speedText(2, 8, 0.25, 'pairs')).toBe('4.0 s a pair · ETA 24s');
    expect(speedText(8, 8, 3)).toBe('done');
  });
});
