/** A save or a batch file that went through a Windows editor starts with a byte order mark: it still reads. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSave } from '../../src/cli/commands/save-io.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { buildSave, saveText } from '../../src/engine/save.ts';
import { readTextFile } from '../../src/io/read.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { scenario } from '../helpers/fixtures.ts';

describe('a leading byte order mark', () => {
  it('is dropped when a save is read: the game loads as it was saved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-bom-'));
    const state = step(newGame(scenario('tower-22'), { seed: 'bom' }), ordersOf('us.warn', 'iran.rein-in')).state;
    const text = saveText(buildSave(state, { side: 'us', opponent: 'historical' }));
    const plain = join(dir, 'plain.save.json');
    const bom = join(dir, 'bom.save.json');
    writeFileSync(plain, text);
    writeFileSync(bom, `\uFEFF${text}`);
    expect(readSave(bom).save).toEqual(readSave(plain).save);
  });

  it('only a leading one: a mark inside the text is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-bom-'));
    const path = join(dir, 'f.txt');
    writeFileSync(path, '\uFEFFa\uFEFFb');
    expect(readTextFile(path, { what: 'file', maxBytes: 100 })).toBe('a\uFEFFb');
  });
});
