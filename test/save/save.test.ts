import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/atomic-write.ts';
import { main, type Io } from '../../src/cli/main.ts';
import { newGame, serialize, step } from '../../src/engine/game.ts';
import { buildSave, checkScenario, parseSave, replaySave, saveText, SaveError, SAVE_FORMAT } from '../../src/engine/save.ts';
import type { GameState } from '../../src/engine/state.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { loadScenario } from '../../src/scenario/loader.ts';

const tower = loadScenario('tower-22');
const bots = { us: getPolicy('historical', 'us'), iran: getPolicy('tit-for-tat', 'iran') };

function playOn(state: GameState, turns = Infinity): GameState {
  let s = state;
  for (let i = 0; i < turns && !s.over; i++) s = step(s, { us: chooseAction(s, 'us', bots.us), iran: chooseAction(s, 'iran', bots.iran) }).state;
  return s;
}

function capture(): Io & { outText: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (s) => out.push(s), err: (s) => err.push(s), outText: () => out.join('\n'), errText: () => err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'brink-save-'));
const savedAt = (turns: number, seed = '3') => buildSave(playOn(newGame(tower, { seed }), turns), { side: 'us', opponent: 'tit-for-tat' });

describe('save files', () => {
  it('a game saved, reloaded and played on ends exactly as the same game played straight through (any seed, any turn)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (seed, at) => {
      const straight = playOn(newGame(tower, { seed }));
      const save = buildSave(playOn(newGame(tower, { seed }), at), { side: 'us', opponent: 'tit-for-tat' });
      const reloaded = parseSave(saveText(save));
      const replay = replaySave(reloaded, tower);
      expect(replay.matches).toBe(true);
      expect(serialize(playOn(reloaded.state))).toBe(serialize(straight));
      expect(serialize(playOn(replay.state))).toBe(serialize(straight));
    }), { numRuns: 25 });
  });

  it('carries format, scenario id and hash, seed, side, opponent, decisions and state', () => {
    const save = parseSave(saveText(savedAt(2)));
    expect(save.format).toBe(SAVE_FORMAT);
    expect(save.scenario).toEqual({ id: 'tower-22', hash: tower.hash });
    expect(save.seed).toBe('3');
    expect(save).toMatchObject({ side: 'us', opponent: 'tit-for-tat' });
    expect(save.decisions).toHaveLength(2);
    expect(save.state.turn).toBe(2);
  });

  it('rejects empty, truncated, foreign and inconsistent files with a clear SaveError', () => {
    const good = saveText(savedAt(2));
    const cases: [string, RegExp][] = [
      ['', /empty/],
      [good.slice(0, good.length / 2), /corrupt or truncated/],
      ['[1,2]', /expected a JSON object/],
      [good.replace(SAVE_FORMAT, 'brink.save/0'), /format is "brink\.save\/0"/],
      [JSON.stringify({ ...JSON.parse(good), side: 'israel' }), /side must be/],
      [JSON.stringify({ ...JSON.parse(good), decisions: [] }), /decision log differs/],
      [JSON.stringify({ ...JSON.parse(good), seed: 'other' }), /seed differs/],
      [JSON.stringify({ ...JSON.parse(good), state: { ...JSON.parse(good).state, rng: {} } }), /rng/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseSave(text, 'f.json')).toThrow(SaveError);
      expect(() => parseSave(text, 'f.json')).toThrow(message);
    }
  });

  it('refuses a save made with a different version of the scenario (hash differs)', () => {
    const save = savedAt(1);
    const changed = { ...tower, hash: 'deadbeef' };
    expect(() => checkScenario(save, changed)).toThrow(/has changed since the game was saved/);
    expect(() => replaySave(save, changed)).toThrow(SaveError);
  });

  it('replay detects a state that does not follow from its decisions, naming the turn', () => {
    const save = savedAt(3);
    const h = save.state.history.map((t, i) => (i === 1 ? { ...t, attacksOnUS: t.attacksOnUS + 5 } : t));
    const tampered = { ...save, state: { ...save.state, history: h } };
    const r = replaySave(parseSave(saveText(tampered)), tower);
    expect(r.matches).toBe(false);
    expect(r.firstDifference).toBe(2);
  });
});

describe('brink replay', () => {
  it('re-simulates a save turn by turn and verifies it (exit 0)', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, saveText(savedAt(4)));
    const io = capture();
    expect(await main(['replay', file], io)).toBe(0);
    expect(io.outText()).toContain('Turn 4 · ');
    expect(io.outText()).toContain('Verdict:');
    expect(io.outText()).toContain('Replay verified: 4 turns');
  });

  it('exits 1 with a clear message when the replay does not reproduce the save', async () => {
    const save = savedAt(2);
    const file = join(dir, 'tampered.json');
    writeFileSync(file, saveText({ ...save, state: { ...save.state, world: { ...save.state.world, deterrence: 0.999 } } }));
    const io = capture();
    expect(await main(['replay', file], io)).toBe(1);
    expect(io.errText()).toMatch(/does NOT reproduce the saved game/);
  });

  it('exits 2 without a stack trace on a truncated, missing or foreign file', async () => {
    const good = saveText(savedAt(2));
    const truncated = join(dir, 'trunc.json');
    writeFileSync(truncated, good.slice(0, 100));
    for (const [file, msg] of [[truncated, /corrupt or truncated/], [join(dir, 'nope.json'), /no such file/]] as const) {
      const io = capture();
      expect(await main(['replay', file], io)).toBe(2);
      expect(io.errText()).toMatch(msg);
      expect(io.errText()).not.toMatch(/\n\s+at /);
    }
  });

  it('play without a terminal refuses (exit 2) before it reads any save', async () => {
    // In a terminal, --load checks the file with the same readSave as replay: see test/e2e/play.test.ts.
    const io = capture();
    expect(await main(['play', '--load', join(dir, 'nope.json')], io)).toBe(2);
    expect(io.errText()).toContain('needs an interactive terminal');
  });
});

describe('atomic write', () => {
  it('replaces the file whole and leaves no temporary files', () => {
    const d = mkdtempSync(join(tmpdir(), 'brink-atomic-'));
    const f = join(d, 'game.json');
    writeFileAtomic(f, 'first');
    writeFileAtomic(f, 'second');
    expect(readFileSync(f, 'utf8')).toBe('second');
    expect(readdirSync(d)).toEqual(['game.json']);
  });

  it('a failed write leaves the good file as it was and cleans up', () => {
    const d = mkdtempSync(join(tmpdir(), 'brink-atomic-'));
    const target = join(d, 'taken');
    mkdirSync(target); // renaming a file over a directory fails
    writeFileSync(join(target, 'keep'), 'good');
    expect(() => writeFileAtomic(target, 'half')).toThrow();
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('good');
    expect(readdirSync(d)).toEqual(['taken']);
    expect(existsSync(join(d, 'missing-dir'))).toBe(false);
    expect(() => writeFileAtomic(join(d, 'missing-dir', 'x.json'), 'data')).toThrow();
  });
});
