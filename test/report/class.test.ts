/**
 * `brink report --games SAVES…`: a class's saved games of one scenario and seed, side by side, beside
 * the record and the Monte Carlo batch; saves of different scenarios or seeds are refused (exit 2).
 */
import { capture } from '../helpers/cli.ts';
import { decisionsOf } from '../../src/engine/history.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/analysis/debrief/debrief.ts';
import { buildSave, saveText, type PlaySide } from '../../src/engine/save.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { chanceText, orderLabel, scoreText } from '../../src/analysis/render.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { esc, holdPercents, nameHtml } from '../../src/report/page.ts';
import { groupHtml, groupTitle } from '../../src/report/class.ts';
import { main } from '../../src/cli/main.ts';
import { humanSides, offRecordOf } from '../../src/ui/session.ts';
import { scenario } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-class-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sc = scenario('tower-22');
const SEED = 'class-3b';

/** A group's game as `brink play` would save it (the human's orders stand in as a bot's). */
function saveGame(
  name: string,
  opts: { seed?: string; scenario?: string; us: string; iran: string; side: PlaySide; turns?: number; params?: Record<string, number> },
) {
  const s = scenario(opts.scenario ?? 'tower-22');
  let state;
  if (opts.turns === undefined) {
    state = playGame(s, {
      seed: opts.seed ?? SEED,
      us: getPolicy(opts.us, 'us'),
      iran: getPolicy(opts.iran, 'iran'),
      ...(opts.params ? { params: opts.params } : {}),
    });
  } else {
    state = newGame(s, { seed: opts.seed ?? SEED });
    // An unfinished game: the first turns of the bots' game.
    const whole = playGame(s, { seed: opts.seed ?? SEED, us: getPolicy(opts.us, 'us'), iran: getPolicy(opts.iran, 'iran') });
    for (let t = 0; t < opts.turns; t++) state = step(state, decisionsOf(whole)[t]!).state;
  }
  const file = join(dir, `${name}.save.json`);
  const setup = { side: opts.side, opponent: opts.side === 'both' ? null : opts.side === 'us' ? opts.iran : opts.us };
  writeFileSync(file, saveText(buildSave(state, setup)));
  return { file, state, setup };
}

let groups: ({ name: string } & ReturnType<typeof saveGame>)[];

beforeAll(() => {
  groups = [
    { name: 'hawks', ...saveGame('hawks', { us: 'hawk', iran: 'historical', side: 'us' }) },
    { name: 'doves', ...saveGame('doves', { us: 'dove', iran: 'historical', side: 'us' }) },
    { name: 'tehran', ...saveGame('tehran', { us: 'historical', iran: 'tit-for-tat', side: 'iran' }) },
    { name: 'pair', ...saveGame('pair', { us: 'historical', iran: 'historical', side: 'both', turns: 2 }) },
  ];
});

describe('brink report --games', () => {
  it("sets the class's games side by side, with their choices, beside the record and the bot games", async () => {
    const out = join(dir, 'class.html');
    const c = capture();
    const code = await main(['report', '--games', ...groups.map((g) => g.file), '--runs', '24', '--workers', '1', '--out', out], c.io);
    expect(code, c.err.join('\n')).toBe(0);
    expect(c.err.join('\n')).toMatch(/4 class games of tower-22 beside 24 bot games/);
    expect(c.out.join('\n')).toBe(''); // "wrote …" is a diagnostic: stderr only (issue 12)
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`seed <b>${SEED}</b>`);
    // Side by side: one row per group with its verdict and scores, read from its own debrief.
    for (const g of groups) {
      // The group's debrief: its players' orders their own, and the sides off the record told by their orders.
      const d = buildDebrief(g.state, sc, { humans: humanSides(g.setup.side), offRecord: offRecordOf(g.setup) });
      const row = [...html.matchAll(/<tr><td>(<b title.*?)<\/td>(.*?)<\/tr>/g)].find(
        (m) => m[1] === groupHtml({ name: g.name, ...g.setup }, SEED),
      );
      expect(row, g.name).toBeDefined();
      const cells = [...row![2]!.matchAll(/<td(?: class="l")?>(.*?)<\/td>/g)].map((m) => m[1]!);
      expect(cells[1], g.name).toContain(esc(d.verdict.title));
      expect(cells.slice(2, 5), g.name).toEqual([scoreText(d.scores.us), scoreText(d.scores.iran), String(d.totals.attacksOnUS)]);
      // The odds of war the group's orders ran, beside the peak rung.
      expect(cells.slice(8, 10), g.name).toEqual([String(d.peakRung), holdPercents(chanceText(d.warOdds.chance))]);
      // Each group's story: its debrief's turning points.
      for (const tp of d.turningPoints) expect(html, g.name).toContain(esc(tp.text));
    }
    expect(html).toMatch(/pair.*unfinished: 2 of 4 turns/s);
    // The unfinished game is shown beside the bot games but never ranked against them, and counts in no outcome.
    expect(c.err.join('\n')).toMatch(/note: pair is unfinished \(2 of 4 turns\): shown, not ranked/);
    expect(html.match(/unfinished \(2 of 4 turns\): not ranked/g)?.length).toBe(7);
    expect(html).toMatch(/of 3 finished/);
    // The choices, turn by turn: the hawks' and the doves' first US orders, in bold (theirs, not a bot's).
    for (const g of groups.slice(0, 2)) {
      expect(html, g.name).toContain(`<b>US: ${esc(orderLabel(decisionsOf(g.state)[0]!.us))}</b>`);
    }
    expect(html).toContain(`Iran: ${esc(orderLabel(decisionsOf(groups[0]!.state)[0]!.iran))} <span class="note">(bot)</span>`);
    // Beside the record: tower-22's documented events and the figures set against them.
    expect(html).toContain('Beside what actually happened');
    for (const e of sc.actual!.events) expect(html).toContain(esc(e.text));
    // Beside the bot games: the batch of the class's scenario, played with the class's seed.
    expect(html).toMatch(/24 bot games \(US <b>historical<\/b>, Iran <b>historical<\/b>, seed class-3b\)/);
    expect(html).toContain(holdPercents('Bot games: 5 % · median · 95 %'));
    // Which bands the bot games' spread shows, as every summary says.
    expect(html).toContain('Bands: dice only.');
    expect(html).not.toContain('dice plus what we do not know');
    expect(html).not.toContain('--uncertainty');
    expect(html).toContain('What this model is, and is not');
  });

  it('says when the bot games drew their parameters, and that the groups played at the point values', async () => {
    const out = join(dir, 'class-prior.html');
    const c = capture();
    const files = groups.slice(0, 2).map((g) => g.file);
    const code = await main(['report', '--games', ...files, '--runs', '6', '--workers', '1', '--uncertainty', 'prior', '--out', out], c.io);
    expect(code, c.err.join('\n')).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(
      /Bands: dice plus what we do not know about the parameters\. Each game draws its parameters from their priors \(prior:[0-9a-f]{16}\)/,
    );
    expect(html).not.toContain('--uncertainty');
    expect(html).toContain("The groups' games were played at the point values");
    expect(html).not.toContain('Bands: dice only.');
  });

  it('refuses saves of different seeds or scenarios, a --from batch of another scenario, and --compare (exit 2, no file)', async () => {
    const other = saveGame('other-seed', { seed: 'class-3c', us: 'historical', iran: 'historical', side: 'us' });
    const redSea = saveGame('red-sea', { scenario: 'red-sea', us: 'historical', iran: 'historical', side: 'us', turns: 1 });
    const whatIf = saveGame('what-if', { us: 'historical', iran: 'historical', side: 'us', params: { fatalityPerAttack: 0.05 } });
    // A save whose orders were edited by hand: its integrity hash no longer matches.
    const edited = join(dir, 'edited.save.json');
    writeFileSync(edited, readFileSync(groups[0]!.file, 'utf8').replace(/"us": ?"us\.[a-z-]+\+us\.[a-z-]+"/, '"us":"us.warn"'));
    expect(readFileSync(edited, 'utf8')).not.toBe(readFileSync(groups[0]!.file, 'utf8'));
    const batchFile = join(dir, 'batch-red-sea.json');
    const b = capture();
    expect(await main(['batch', '--scenario', 'red-sea', '--runs', '4', '--workers', '1', '--json'], b.io)).toBe(0);
    writeFileSync(batchFile, b.out.join('\n'));
    const x = join(dir, 'x.html');
    const cases: [string[], RegExp][] = [
      [
        ['report', '--games', groups[0]!.file, other.file, '--out', x],
        /--games: a class report compares games of one scenario and one seed: .*other-seed\.save\.json has seed 'class-3c' but .*hawks\.save\.json has seed 'class-3b'/,
      ],
      [
        ['report', '--games', groups[0]!.file, redSea.file, '--out', x],
        /--games: .*red-sea\.save\.json is scenario red-sea .* but .*hawks\.save\.json is tower-22/,
      ],
      [
        ['report', '--games', groups[0]!.file, '--from', batchFile, '--out', x],
        /--from: .* is a batch of red-sea .*not of the class's scenario tower-22/,
      ],
      [['report', '--games', groups[0]!.file, '--compare', batchFile, '--out', x], /--compare goes with a batch report, not with --games/],
      // One save twice (here once by another path to it) would be shown as two groups.
      [
        ['report', '--games', groups[0]!.file, groups[1]!.file, relative(process.cwd(), groups[0]!.file), '--out', x],
        /--games: .*hawks\.save\.json is given twice \(also as .*hawks\.save\.json\); each group's save once/,
      ],
      [
        ['report', '--games', join(dir, 'missing.save.json'), '--out', x],
        /missing\.save\.json: cannot read this save file: no such file or directory \(ENOENT\)/,
      ],
      [
        ['report', '--games', groups[0]!.file, whatIf.file, '--out', x],
        /--games: .*what-if\.save\.json was played with parameters fatalityPerAttack=0\.05 but .*hawks\.save\.json with none/,
      ],
      // The message points at the command that can replay it anyway (report has no such flag).
      [
        ['report', '--games', groups[0]!.file, edited, '--out', x],
        /edited\.save\.json: the file was changed after it was saved.*; `brink replay --accept-edited FILE` replays it anyway/,
      ],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      expect(await main(args, c.io), args.join(' ')).toBe(2);
      expect(c.err.join('\n'), args.join(' ')).toMatch(message);
      expect(c.err.join('\n')).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(x)).toBe(false);
    // A what-if class: the bot games it is set beside are played with the class's parameters.
    const c = capture();
    expect(await main(['report', '--games', whatIf.file, '--runs', '4', '--workers', '1', '--out', x], c.io), c.err.join('\n')).toBe(0);
    expect(readFileSync(x, 'utf8')).toMatch(
      /4 bot games \(US <b>historical<\/b>, Iran <b>historical<\/b>, seed class-3b\) · parameters fatalityPerAttack=0\.05/,
    );
  });
});

describe("a group's name in the class report", () => {
  it('may wrap after its separators, and every 12 characters of a run without one, and is escaped whole', () => {
    expect(nameHtml('period-3-team')).toBe('<span class="name">period-<wbr>3-<wbr>team</span>');
    const runs = nameHtml('abcdefghijklmnopqrstuvwxyz')
      .replace(/<\/?span[^>]*>/g, '')
      .split('<wbr>');
    expect(runs).toEqual(['abcdefghijkl', 'mnopqrstuvwx', 'yz']);
    expect(nameHtml('a<b>&c')).toBe(`<span class="name">${esc('a<b>&c')}</span>`);
  });

  it('is what the save holds (side, opponent by its level, seed), with the file name smaller and as the tooltip', () => {
    expect(groupTitle({ side: 'iran', opponent: 'hard' }, '7')).toBe('Iran vs Hard · seed 7');
    expect(groupTitle({ side: 'us', opponent: 'historical' }, '7')).toBe('US vs Normal · seed 7');
    expect(groupTitle({ side: 'us', opponent: 'easy' }, 'x')).toBe('US vs Easy · seed x');
    expect(groupTitle({ side: 'us', opponent: 'hawk' }, '7')).toBe('US vs hawk bot · seed 7');
    expect(groupTitle({ side: 'both', opponent: null }, '7')).toBe('US and Iran, hot-seat · seed 7');
    // Two saves alike but for their files ("-2", "-3"): the same title, told apart by the file name under it and in the tooltip.
    const [a, b] = ['brink-tower-22-7-iran-vs-hard-2', 'brink-tower-22-7-iran-vs-hard-3'].map((name) =>
      groupHtml({ name, side: 'iran', opponent: 'hard' }, '7'),
    );
    for (const [html, name] of [
      [a!, 'brink-tower-22-7-iran-vs-hard-2'],
      [b!, 'brink-tower-22-7-iran-vs-hard-3'],
    ] as const) {
      expect(html).toContain(`<b title="${name}">Iran vs Hard · seed 7</b>`);
      expect(html).toContain(`<span class="fname">${nameHtml(name)}</span>`);
    }
    expect(a).not.toBe(b);
  });
});
