/** The pseudo-terminal harness itself: tests only ever see whole frames. */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Session, spawnInPty } from './pty.ts';

const live: Session[] = [];
afterEach(() => {
  for (const s of live.splice(0)) s.kill();
});

describe('the pty harness', () => {
  it('never shows a frame that the program was still drawing', async () => {
    const s = spawnInPty(resolve(import.meta.dirname, 'fixtures/two-chunk-frame.mjs'), []);
    live.push(s);
    await s.waitForOutput('first half'); // the first chunk has arrived and been read…
    expect(s.screen()).not.toContain('first half'); // …but the frame is open, so it is not on the screen yet
    s.write('g');
    const screen = await s.waitFor('second half');
    expect(screen).toContain('first half');
    expect(s.frames().some((f) => f.includes('first half') && !f.includes('second half'))).toBe(false);
    s.write('q');
    expect(await s.exited).toBe(0);
  });

  it('shows the last output of a program that prints and exits at once, once it has exited', async () => {
    for (let i = 0; i < 5; i++) {
      const s = spawnInPty(resolve(import.meta.dirname, 'fixtures/print-and-exit.mjs'), []);
      live.push(s);
      expect(await s.exited).toBe(2);
      expect(s.screen()).toContain('not a Brink save (corrupt or truncated)');
    }
  });
});
