/**
 * What a newcomer meets in a real terminal (80×24 unless said): the goals and the running score at
 * turn 1, the legend in help, the log of past turns and the believed-vs-true page, a debrief that scrolls, a finished game saved and replayed, keys pasted
 * in one chunk, Ctrl-C asking first (exit 130), the debrief kept on quitting, and "terminal too small".
 * Every wait is on the rendered screen.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
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
/** The first screen: the program's start-up (compiling the TypeScript) is slow on a loaded machine. */
const STARTUP_MS = 60_000;
const tower = (side: string, extra: string[] = []) => [
  'play',
  '--scenario',
  'tower-22',
  '--seed',
  '3',
  '--side',
  side,
  '--opponent',
  'normal',
  ...extra,
];

function everyLineFits(screen: string, cols = 80): void {
  for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);
}

/** Plays the rest of the game with "hold fire" (where the force list starts), each order pasted as one chunk. */
async function playOut(s: Session, from: number, to = 4): Promise<void> {
  for (let turn = from; turn <= to; turn++) {
    await s.waitFor(`turn ${turn}/4`, STARTUP_MS);
    s.write(`3${KEY.enter}y`);
    if (turn < to) await s.waitFor(`turn ${turn + 1}/4`);
  }
}

describe('a newcomer in the terminal', { timeout: 120_000 }, () => {
  it('sees the goals and a running score from turn 1, and a legend for every mark in help', async () => {
    const s = start(tower('us'));
    let screen = await s.waitFor('turn 1/4', STARTUP_MS);
    expect(screen).toMatch(/score [\d.]+/);
    expect(screen).toContain('Your goals:');
    expect(screen).toContain('4 Goals');
    s.write('4');
    screen = await s.waitFor('Your score:');
    expect(screen).toContain('O-USA-01');
    expect(screen).toContain('US deterrence at the end'); // the same name as the situation pane's bar
    everyLineFits(screen);
    s.write('2');
    expect(await s.waitFor('Attacks on US by week')).toMatch(/US deterrence\s+[█·]+ \d\.\d\d/);
    s.write('?');
    screen = await s.waitFor('Any key closes this help');
    expect(screen).toContain('Marks');
    for (const mark of ['▶ 5', '^ 7', '[3]', '*']) expect(screen).toContain(mark);
    s.write('\x1b[F'); // End: the chance of war and the score
    screen = await s.waitFor('Each side scores 0–100');
    expect(screen).toContain('Chance of war');
    everyLineFits(screen);
    s.write('\x1b[5~'); // PgUp: the bars' names and meanings, from the first to the last, and the record's read
    screen = await s.waitFor('US deterrence:');
    expect(screen).toContain('Tehran fears war:');
    expect(screen).toContain("Record's read");
    everyLineFits(screen);
  });

  it('handles every key of a pasted chunk, in order: "3 jjj" (Space switches to the signal list) then Enter and y together', async () => {
    const s = start(tower('us'));
    await s.waitFor('turn 1/4', STARTUP_MS);
    // Orders, then Space to the signal list, then three rows down it.
    s.write('3 jjj');
    expect(await s.waitFor('› [3] Sanctions and arms interdiction')).toContain('Orders');
    s.write(`${KEY.enter}y`);
    const screen = await s.waitFor('turn 2/4');
    // Both levers, wrapped at 80 columns after the force action.
    expect(screen).toMatch(/your order was "Hold fire, keep options ready \+\s+sanctions and arms interdiction"/);
  });

  it('keeps keys typed while the hard bot thinks, and shows that the turn is resolving', async () => {
    const s = start(['play', '--scenario', 'tower-22', '--seed', '3', '--side', 'us', '--opponent', 'hard']);
    await s.waitFor('turn 1/4', STARTUP_MS);
    s.write(`3j${KEY.enter}y2`); // the "2" is typed before the turn has resolved
    await s.waitFor('Resolving the turn');
    const screen = await s.waitFor('turn 2/4');
    await s.waitFor('Attacks on US by week');
    expect(screen).toContain('turn 2/4');
  });

  it('scrolls the debrief at 80×24, saves the finished game with s, and brink replay verifies it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-newcomer-'));
    const file = join(dir, 'finished.json');
    const s = start(tower('us', ['--save', file]));
    await playOut(s, 1);
    let screen = await s.waitFor('Verdict:');
    everyLineFits(screen);
    s.write('2');
    screen = await s.waitFor(/1–\d+ of \d+ · ↑↓/);
    const total = Number(/1–\d+ of (\d+)/.exec(screen)![1]);
    const firstLine = screen.split('\n')[2]!;
    s.write(KEY.down);
    screen = await s.waitFor(/2–\d+ of \d+/);
    expect(screen.split('\n')[2]).not.toBe(firstLine);
    s.write('\x1b[F'); // End
    screen = await s.waitFor(new RegExp(`–${total} of ${total}`));
    s.write('\x1b[H'); // Home
    screen = await s.waitFor(/1–\d+ of \d+ · ↑↓/);
    expect(screen.split('\n')[2]).toBe(firstLine);
    s.write('\x1b[6~'); // PgDn
    await s.waitFor(/^(?:[2-9]|\d\d+)–\d+ of /m);
    s.write('s');
    await s.waitFor('Saved the finished game');
    const parsed = parseSave(readFileSync(file, 'utf8'));
    if (parsed.kind !== 'current') throw new Error('expected a brink.save/4 file');
    expect(parsed.save.decisions).toHaveLength(4);
    const replay = spawnSync(process.execPath, [join(ROOT, 'bin/brink'), 'replay', file], { encoding: 'utf8' });
    expect(replay.status).toBe(0);
    expect(replay.stdout).toContain('Replay verified: 4 turns');
    s.write('q');
    await s.waitFor('The game is saved');
    s.write('y');
    expect(await s.exited).toBe(0);
    // The debrief is printed on the way out, for the class to keep.
    expect(s.raw()).toContain('For discussion:');
  });

  it('browses the log of past turns with l, and reads on the debrief what it believed beside what was true', async () => {
    const s = start(tower('us'));
    await playOut(s, 1, 2);
    await s.waitFor('turn 3/4');
    s.write('?');
    expect(await s.waitFor('Any key closes this help')).toMatch(/goals, log\s[\s\S]*l {18}the log of past turns/);
    s.write('x'); // any key but the scrolling ones closes the help
    await s.waitFor('Tab/1-5 panes');
    s.write('l');
    // Wait for the whole frame (down to its footer): a frame caught half drawn may lack Turn 1 although it
    // fits, and End on a page that cannot scroll draws nothing to wait for.
    let screen = await s.waitFor(/Turn 2 · \d{4}-\d\d-\d\d[\s\S]*Tab\/1-5 panes/);
    expect(screen).toContain('United States (you): Hold fire');
    expect(screen).toMatch(/Iran: (its order was not visible to you|\S)/);
    expect(screen).toContain('Intelligence you had:'); // the report read before turn 2
    expect(screen).toMatch(/confidence\)/);
    everyLineFits(screen);
    if (!/Turn 1 · \d{4}-/.test(screen)) {
      s.write('\x1b[F'); // End: the oldest turn
      screen = await s.waitFor(/Turn 1 · \d{4}-/);
      everyLineFits(screen);
    }
    await playOut(s, 3);
    await s.waitFor('Verdict:');
    s.write('4');
    screen = await s.waitFor('What the United States believed, and what was true');
    expect(screen).toMatch(/Your intelligence: \d+ of \d+ reads right/);
    expect(screen).toMatch(/ (right|WRONG) {2}\S/);
    everyLineFits(screen);
  });

  it('writes the debrief to a file with --debrief', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-newcomer-'));
    const out = join(dir, 'debrief.txt');
    const s = start(tower('us', ['--debrief', out, '--save', join(dir, 'g.json')]));
    await playOut(s, 1, 1);
    await s.waitFor('turn 2/4');
    s.write('q');
    await s.waitFor('Quit Brink?');
    s.write('y');
    expect(await s.exited).toBe(0);
    expect(existsSync(out)).toBe(true);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Debrief · ');
    expect(text).toContain('as things stand');
  });

  it('Ctrl-C asks first, n goes back, and a second Ctrl-C quits with exit 130', async () => {
    const s = start(tower('us'));
    await s.waitFor('turn 1/4', STARTUP_MS);
    s.write('\x03');
    await s.waitFor('Ctrl-C: quit Brink?');
    s.write('n');
    await s.waitFor('Tab/1-5 panes');
    s.write('\x03');
    await s.waitFor('Ctrl-C again: quit at once');
    s.write('\x03');
    expect(await s.exited).toBe(130);
  });

  it('Ctrl-C then s saves before quitting (exit 130)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-newcomer-'));
    const file = join(dir, 'interrupted.json');
    const s = start(tower('us', ['--save', file]));
    await playOut(s, 1, 1);
    await s.waitFor('turn 2/4');
    s.write('\x03');
    await s.waitFor('s: save, then quit');
    s.write('s');
    expect(await s.exited).toBe(130);
    const parsed = parseSave(readFileSync(file, 'utf8'));
    if (parsed.kind !== 'current') throw new Error('expected a brink.save/4 file');
    expect(parsed.save.decisions).toHaveLength(1);
  });

  it('says the terminal is too small at 40×12 and goes on when it grows', async () => {
    const s = start(tower('us'), { cols: 40, rows: 12 });
    let screen = await s.waitFor('Terminal too small', STARTUP_MS);
    expect(screen).toContain('40×12');
    expect(screen.replace(/\s+/g, ' ')).toContain('or press q to quit.'); // wrapped whole, not cut
    everyLineFits(screen, 40);
    s.resize(80, 24);
    screen = await s.waitFor('turn 1/4', STARTUP_MS);
    everyLineFits(screen);
  });

  it('hot-seat: the US order chosen before a save is not in it: --load asks the US again, saying why, and the game plays on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-newcomer-'));
    const file = join(dir, 'hotseat.json');
    const s = start(['play', '--scenario', 'tower-22', '--seed', '5', '--side', 'both', '--save', file]);
    await s.waitFor('United States to play', STARTUP_MS);
    s.write(KEY.enter);
    await s.waitFor('United States · turn 1/4');
    s.write(`3${KEY.enter}y`); // hold fire: where the force list starts on turn 1
    await s.waitFor('Iran to play');
    s.write(KEY.enter);
    await s.waitFor('Iran · turn 1/4');
    s.write('s');
    await s.waitFor('Saved before the first turn');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('us.hold');
    const parsed = parseSave(text);
    if (parsed.kind !== 'current') throw new Error('expected a brink.save/4 file');
    expect(parsed.save.sealed).toEqual(['us']);
    s.write('q');
    await s.waitFor('The game is saved, but not the sealed US order.');
    s.write('y');
    expect(await s.exited).toBe(0);
    const r = start(['play', '--load', file]);
    const screen = await r.waitFor('United States to play', STARTUP_MS);
    expect(screen).toContain('Resumed at turn 1: the sealed US order was not saved, so it stays secret.');
    expect(screen).not.toContain('Iran to play');
    r.write(KEY.enter);
    await r.waitFor('United States · turn 1/4');
    r.write(`3${KEY.enter}y`);
    await r.waitFor('Iran to play');
    r.write(KEY.enter);
    await r.waitFor('Iran · turn 1/4');
    r.write(`3${KEY.enter}y`);
    expect(await r.waitFor('United States to play')).toContain('Turn 2');
  });
});
