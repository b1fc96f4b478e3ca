/**
 * End to end in a real pseudo-terminal (80×24): `brink play` played through by keystrokes as the US, as
 * Iran and hot-seat, to the debrief; save and resume; the non-TTY refusal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSave } from '../../src/engine/save.ts';
import { KEY, spawnBrink, type Session } from './pty.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const live: Session[] = [];
afterEach(() => {
  for (const s of live.splice(0)) s.kill();
});
function start(args: string[], opts: Parameters<typeof spawnBrink>[1] = {}): Session {
  const s = spawnBrink(args, opts);
  live.push(s);
  return s;
}

function everyLineFits(screen: string, cols = 80): void {
  for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);
}

/**
 * Plays one order: open the orders pane (unless it is open), move the force list `down` rows from where
 * it starts (last turn's choice; negative moves up), keep the signal list as it is, select, confirm.
 */
async function order(s: Session, down: number): Promise<void> {
  if (!s.screen().includes('› [')) s.write('3');
  await s.waitFor('› [');
  for (let i = 0; i < Math.abs(down); i++) s.write(down > 0 ? KEY.down : KEY.up);
  s.write(KEY.enter);
  await s.waitFor('Confirm your order');
  s.write('y');
}

describe('brink play in a terminal', () => {
  it('plays a whole game as the US against the historical bot and shows the debrief', async () => {
    const s = start(['play', '--scenario', 'tower-22', '--seed', '3', '--side', 'us', '--opponent', 'normal']);
    for (let turn = 1; turn <= 4; turn++) {
      const screen = await s.waitFor(`turn ${turn}/4`);
      everyLineFits(screen);
      expect(screen).toContain('United States');
      await order(s, turn === 1 ? 4 : turn === 2 ? -4 : 0); // a large campaign, then holding fire
      if (turn < 4) await s.waitFor(`turn ${turn + 1}/4`);
    }
    const debrief = await s.waitFor('Verdict:');
    everyLineFits(debrief);
    expect(debrief).toMatch(/Scores: US [\d.]+ · Iran [\d.]+/);
    s.write('3');
    expect(await s.waitFor('ladder (rung)')).toContain('2024-01-28');
    s.write('q');
    await s.waitFor('Quit Brink?');
    s.write('y');
    expect(await s.exited).toBe(0);
  });

  it('plays a whole game as Iran, with help and an undone order on the way', async () => {
    const s = start(['play', '--scenario', 'tower-22', '--seed', '3', '--side', 'iran', '--opponent', 'normal']);
    await s.waitFor('turn 1/4');
    s.write('?');
    await s.waitFor('Any key closes this help');
    s.write('x');
    await s.waitFor('turn 1/4');
    // choose, then undo at the confirm step, then choose another order
    s.write('3');
    await s.waitFor('› [4] Keep up the pressure');
    s.write(KEY.enter);
    await s.waitFor('Confirm your order');
    s.write(KEY.esc);
    await s.waitFor('e evidence');
    s.write('e');
    expect(await s.waitFor('Evidence for "Keep up the pressure"')).toContain('R-IRN-11');
    s.write('e');
    // Wait for the evidence to close before typing on: keys sent in one burst reach Ink as one input.
    await s.waitFor('› [4] Keep up the pressure');
    for (let turn = 1; turn <= 4; turn++) {
      await s.waitFor(`turn ${turn}/4`);
      await order(s, turn === 1 ? -2 : 0); // rein the militias in, then keep them reined in
      if (turn < 4) await s.waitFor(`turn ${turn + 1}/4`);
    }
    const debrief = await s.waitFor('Verdict:');
    expect(debrief).toContain('Iran:');
    expect(debrief).toContain('(you)');
    s.write('q');
    await s.waitFor('Quit Brink?');
    s.write('y');
    expect(await s.exited).toBe(0);
  });

  it('hot-seat: a hand-over screen hides each side from the other, and the game reaches the debrief', async () => {
    const s = start(['play', '--scenario', 'tower-22', '--seed', '5', '--side', 'both']);
    for (let turn = 1; turn <= 4; turn++) {
      let screen = await s.waitFor('United States to play');
      expect(screen).not.toContain('Orders');
      s.write(KEY.enter);
      await s.waitFor(`United States · turn ${turn}/4`);
      await order(s, 0); // hold fire (each list starts on the turn before's choice)
      screen = await s.waitFor('Iran to play');
      expect(screen).not.toContain('Hold fire');
      s.write(KEY.enter);
      await s.waitFor(`Iran · turn ${turn}/4`);
      await order(s, turn === 1 ? -2 : 0); // rein the militias in, then keep them reined in
    }
    await s.waitFor('Verdict:');
    s.write('q');
    await s.waitFor('Quit Brink?');
    s.write('y');
    expect(await s.exited).toBe(0);
  });

  it('hot-seat: s on the hand-over saves the game but not the sealed US order, the name shown whole, and --load asks the US again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-e2e-'));
    const s = start(['play', '--scenario', 'tower-22', '--seed', 'class 3/b:é', '--side', 'both'], { cwd: dir });
    await s.waitFor('United States to play');
    s.write(KEY.enter);
    await s.waitFor('United States · turn 1/4');
    await order(s, 0);
    await s.waitFor('Iran to play');
    s.write('s');
    const name = 'brink-tower-22-class_3_b__-hotseat.save.json';
    const saved = await s.waitFor(name);
    everyLineFits(saved);
    expect(saved.replace(/\s+/g, ' ')).toContain(
      `Saved before the first turn to ${name}; the sealed US order is not in it, so it stays secret (on loading, it is chosen again)`,
    );
    // The file Iran's player could open holds no trace of the US order (hold fire), only that one was sealed.
    const text = readFileSync(join(dir, name), 'utf8');
    expect(text).not.toContain('us.hold');
    const parsed = parseSave(text);
    if (parsed.kind !== 'current') throw new Error('expected a current save');
    expect(parsed.save.sealed).toEqual(['us']);
    s.write('q');
    await s.waitFor('The game is saved, but not the sealed US order.');
    s.write('y');
    expect(await s.exited).toBe(0);
    const r = start(['play', '--load', name], { cwd: dir });
    const screen = await r.waitFor('United States to play');
    expect(screen).toContain('Resumed at turn 1: the sealed US order was not saved, so it stays secret.');
    expect(screen).not.toContain('orders given (sealed)');
  });

  it('hot-seat: s again with no turn played (the US order now sealed) writes the same game to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-e2e-'));
    const s = start(['play', '--scenario', 'tower-22', '--seed', '9', '--side', 'both'], { cwd: dir });
    await s.waitFor('United States to play');
    s.write('s');
    const name = 'brink-tower-22-9-hotseat.save.json';
    await s.waitFor(`Saved before the first turn to ${name}`);
    s.write(KEY.enter);
    await s.waitFor('United States · turn 1/4');
    await order(s, 0);
    await s.waitFor('Iran to play');
    s.write('s');
    await s.waitFor('sealed US order is not in it');
    expect(s.screen().replace(/\s+/g, ' ')).toContain(`Saved before the first turn to ${name};`);
    expect(readdirSync(dir)).toEqual([name]);
    const parsed = parseSave(readFileSync(join(dir, name), 'utf8'));
    if (parsed.kind !== 'current') throw new Error('expected a current save');
    expect(parsed.save.sealed).toEqual(['us']);
  });

  it('saves with s and --load resumes the game where it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-e2e-'));
    const file = join(dir, 'game.json');
    const s = start(['play', '--scenario', 'tower-22', '--seed', '3', '--side', 'us', '--opponent', 'hard', '--save', file]);
    await s.waitFor('turn 1/4');
    await order(s, 3); // kill a militia commander
    await s.waitFor('turn 2/4');
    s.write('s');
    await s.waitFor('Saved after turn 1');
    const parsed = parseSave(readFileSync(file, 'utf8'));
    if (parsed.kind !== 'current') throw new Error('expected a brink.save/4 file');
    const save = parsed.save;
    expect(save.decisions).toHaveLength(1);
    expect(save.decisions[0]!.us).toEqual({ force: 'us.leadership-strike', signal: 'us.none' });
    expect(save.opponent).toBe('hard');
    s.write('q');
    await s.waitFor('The game is saved');
    s.write('y');
    expect(await s.exited).toBe(0);
    const loaded = readFileSync(file, 'utf8');
    const r = start(['play', '--load', 'game.json'], { cwd: dir });
    const screen = await r.waitFor('turn 2/4');
    expect(screen).toContain('Resumed at turn 2');
    expect(screen).toMatch(/vs Hard · /); // the level's label, as the set-up names it, without "(hard bot)" saying it twice
    // s in the resumed game saves beside the loaded file under a new name: the loaded one is kept.
    r.write('s');
    await r.waitFor('Saved after turn 1 to game-2.json');
    expect(readFileSync(file, 'utf8')).toBe(loaded);
    expect(readFileSync(join(dir, 'game-2.json'), 'utf8')).toBe(loaded);
    // A turn on, s saves under the next number again: game-2.json keeps the game after turn 1.
    await order(r, 0);
    await r.waitFor('turn 3/4');
    r.write('s');
    await r.waitFor('Saved after turn 2 to game-3.json');
    expect(readFileSync(join(dir, 'game-2.json'), 'utf8')).toBe(loaded);
    const later = parseSave(readFileSync(join(dir, 'game-3.json'), 'utf8'));
    if (later.kind !== 'current') throw new Error('expected a current save');
    expect(later.save.decisions).toHaveLength(2);
  });

  it('without --save, s names the file for the game and never overwrites another game of the same scenario and seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-e2e-'));
    // Another game's save already holds the name this game would take first.
    const other = join(dir, 'brink-tower-22-7-us-vs-hard.save.json');
    writeFileSync(other, 'another game');
    const s = start(['play', '--scenario', 'tower-22', '--seed', '7', '--side', 'us', '--opponent', 'hard'], { cwd: dir });
    await s.waitFor('turn 1/4');
    s.write('s');
    await s.waitFor('Saved before the first turn to brink-tower-22-7-us-vs-hard-2.save.json');
    const first = readFileSync(join(dir, 'brink-tower-22-7-us-vs-hard-2.save.json'), 'utf8');
    await order(s, 3);
    await s.waitFor('turn 2/4');
    s.write('s');
    // A later save of the same session, a turn on, takes the next free name: the save before the first turn is kept.
    await s.waitFor('Saved after turn 1 to brink-tower-22-7-us-vs-hard-3.save.json');
    expect(readFileSync(other, 'utf8')).toBe('another game');
    expect(readFileSync(join(dir, 'brink-tower-22-7-us-vs-hard-2.save.json'), 'utf8')).toBe(first);
    const parsed = parseSave(readFileSync(join(dir, 'brink-tower-22-7-us-vs-hard-3.save.json'), 'utf8'));
    if (parsed.kind !== 'current') throw new Error('expected a current save');
    expect([parsed.save.side, parsed.save.decisions.length]).toEqual(['us', 1]);
    expect(readdirSync(dir).sort()).toEqual([
      'brink-tower-22-7-us-vs-hard-2.save.json',
      'brink-tower-22-7-us-vs-hard-3.save.json',
      'brink-tower-22-7-us-vs-hard.save.json',
    ]);
    // One more turn, unsaved, then quit: the closing line says the save is behind the game.
    await order(s, 3);
    await s.waitFor('turn 3/4');
    s.write('q');
    await s.waitFor('Progress since the last save will be lost');
    s.write('y');
    expect(await s.exited).toBe(0);
    expect(s.raw().replace(/\s+/g, ' ')).toContain(
      'Saved game: brink-tower-22-7-us-vs-hard-3.save.json holds the game as it stood after turn 1, not the turns played since',
    );
  });

  it('quitting clears the quit question from the screen, above what the game prints after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-e2e-'));
    // The debrief goes to a file, so what is printed after the game is short and the screen keeps what stood above it.
    const s = start(['play', '--scenario', 'rafah', '--seed', 'abc', '--side', 'us', '--opponent', 'normal', '--debrief', 'd.txt'], {
      cwd: dir,
    });
    await s.waitFor('turn 1/10');
    await order(s, 0);
    await s.waitFor('turn 2/10');
    s.write('q');
    await s.waitFor('Quit Brink?');
    s.write('y');
    expect(await s.exited).toBe(0);
    const screen = s.screen();
    expect(screen).toContain('Debrief written to d.txt');
    expect(screen).not.toContain('Quit Brink?');
    expect(screen).not.toMatch(/[╭╰│]/);
  });

  it('--load of a corrupt save exits 2 with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-e2e-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"format":"brink.save/1","scenario":');
    const s = start(['play', '--load', file]);
    expect(await s.exited).toBe(2);
    // As every input error reads (brink: where: what); the terminal breaks the long line at its edge.
    expect(s.screen().replace(/\n/g, '')).toMatch(/brink: \S*broken\.json:1:\d+: not a Brink save \(corrupt or truncated/);
    expect(s.screen()).not.toMatch(/\n\s+at /);
  });

  it('honours NO_COLOR: no colour codes reach the terminal', async () => {
    const s = start(['play', '--scenario', 'tower-22', '--seed', '3', '--side', 'us', '--opponent', 'easy'], { env: { NO_COLOR: '1' } });
    await s.waitFor('turn 1/4');
    s.write('2');
    await s.waitFor('Lethal targeted action');
    expect(s.raw()).not.toMatch(/\x1b\[(3[0-7]|9[0-7]|38;)/);
    const colored = start(['play', '--scenario', 'tower-22', '--seed', '3', '--side', 'us', '--opponent', 'easy']);
    await colored.waitFor('turn 1/4');
    expect(colored.raw()).toMatch(/\x1b\[(3[0-7]|9[0-7]|38;)/);
  });

  it('follows a resize', async () => {
    const s = start(['play', '--scenario', 'tower-22', '--seed', '3', '--side', 'us', '--opponent', 'easy']);
    await s.waitFor('turn 1/4');
    s.resize(60, 20);
    s.write('3');
    const screen = await s.waitFor('› [1] Hold fire');
    everyLineFits(screen, 60);
  });

  it('without a terminal, says so, points to brink run and exits 2', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/brink'), 'play', '--scenario', 'tower-22'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('needs an interactive terminal');
    expect(r.stderr).toContain('brink run');
  });
});
