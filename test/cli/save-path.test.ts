/** Where `s` saves without --save (src/cli/commands/play.ts defaultSavePath): named for the game, never a taken file. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSavePath, resumedSavePath } from '../../src/cli/commands/play.ts';
import { scenario } from '../helpers/fixtures.ts';

const tower = scenario('tower-22');

describe('the default save path', () => {
  it('names the scenario, seed, side and opponent (Normal by its level), or hot-seat', () => {
    const none = () => false;
    expect(defaultSavePath({ scenario: tower, side: 'us', opponent: 'hard', seed: '7' }, none)).toBe(
      'brink-tower-22-7-us-vs-hard.save.json',
    );
    expect(defaultSavePath({ scenario: tower, side: 'iran', opponent: 'historical', seed: '7' }, none)).toBe(
      'brink-tower-22-7-iran-vs-normal.save.json',
    );
    expect(defaultSavePath({ scenario: tower, side: 'both', opponent: 'historical', seed: 'class 3/b' }, none)).toBe(
      'brink-tower-22-class_3_b-hotseat.save.json',
    );
  });

  it('never returns a name that is taken', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), (taken) => {
        const names = new Set(
          Array.from({ length: taken }, (_, n) => `brink-tower-22-1-us-vs-easy${n === 0 ? '' : `-${n + 1}`}.save.json`),
        );
        const path = defaultSavePath({ scenario: tower, side: 'us', opponent: 'easy', seed: '1' }, (p) => names.has(p));
        expect(names.has(path)).toBe(false);
        expect(path).toBe(`brink-tower-22-1-us-vs-easy${taken === 0 ? '' : `-${taken + 1}`}.save.json`);
      }),
    );
  });

  it('in a resumed game, numbers the loaded name and never returns a taken one, so the loaded file is kept', () => {
    const none = () => false;
    expect(resumedSavePath('class/mid.save.json', none)).toBe('class/mid-2.save.json');
    expect(resumedSavePath('class/mid-2.save.json', none)).toBe('class/mid-3.save.json');
    expect(resumedSavePath('game.json', none)).toBe('game-2.json');
    expect(resumedSavePath('notes', none)).toBe('notes-2');
    fc.assert(
      fc.property(
        fc.constantFrom('mid.save.json', 'a/b-4.save.json', 'x.json', 'plain'),
        fc.integer({ min: 0, max: 5 }),
        (loaded, extra) => {
          const names = new Set<string>([loaded]);
          for (let i = 0; i < extra; i++) names.add(resumedSavePath(loaded, (p) => names.has(p)));
          const path = resumedSavePath(loaded, (p) => names.has(p));
          expect(names.has(path)).toBe(false);
          expect(path).not.toBe(loaded);
        },
      ),
    );
  });
});
