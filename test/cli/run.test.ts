import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, brink, capture } from '../helpers/cli.ts';
import { main } from '../../src/cli/main.ts';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { weekCountLines } from '../../src/analysis/counts.ts';
import { observe } from '../../src/engine/observe.ts';
import { BUILTIN_POLICIES } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';

describe('brink run', () => {
  it('the same scenario, seed and policies give byte-identical JSON; another seed a different game', () => {
    const a = brink(['run', '--scenario', 'october-2023', '--seed', '42', '--json']);
    const b = brink(['run', '--scenario', 'october-2023', '--seed', '42', '--json']);
    const c = brink(['run', '--scenario', 'october-2023', '--seed', '43', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    const rec = JSON.parse(a.stdout);
    expect(rec.schema).toBe('brink.run/2');
    expect(rec.turns).toHaveLength(rec.decisions.length);
    expect(['regional-war', 'drawdown', 'calm-restored', 'brinkmanship', 'simmering']).toContain(rec.outcome.verdict.id);
    expect(rec.events.every((e: { kind: string }) => typeof e.kind === 'string')).toBe(true);
  });

  it('prints a readable turn-by-turn log with the verdict', () => {
    const r = brink(['run', '--scenario', 'tower-22', '--seed', '7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Turn 1 · 2024-01-28/);
    expect(r.stdout).toMatch(/Turn 4 · 2024-02-18/);
    expect(r.stdout).toMatch(/Large strike campaign/);
    expect(r.stdout).toMatch(/Verdict/);
  });

  it("words each week's counts as the game does (analysis/counts.ts), Iran's own fire included", async () => {
    const c = capture();
    const args = ['run', '--scenario', 'tower-22', '--seed', 'counts-1', '--iran-policy', 'always:iran.irgc-attack'];
    expect(await main(args, c.io)).toBe(0);
    const text = c.out.join('\n');
    const final = playGame(loadScenario('tower-22'), {
      seed: 'counts-1',
      us: BUILTIN_POLICIES.get('historical', 'us'),
      iran: BUILTIN_POLICIES.get('always:iran.irgc-attack', 'iran'),
    });
    const seen = observe(final, 'us').history;
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.some((t) => t.iranDirectAttacks > 0)).toBe(true);
    // Each turn's block holds the lines the briefing prints for that week, as the US saw it.
    const blocks = text.split(/\n(?=Turn \d+ · )/).slice(1);
    expect(blocks).toHaveLength(seen.length);
    seen.forEach((week, i) => {
      for (const line of weekCountLines(week)) expect(blocks[i], `turn ${i + 1}`).toContain(`\n  ${line}\n`);
    });
  });

  it('takes a scenario file by path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-'));
    const r0 = brink(['scenarios', 'show', 'tower-22', '--json']);
    const doc = JSON.parse(r0.stdout);
    delete doc.hash;
    const file = join(dir, 'copy.yaml');
    writeFileSync(file, JSON.stringify({ ...doc, id: 'copy', turns: 2 }));
    const r = brink(['run', '--scenario', file, '--seed', '1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).turns).toHaveLength(2);
  });

  it('bad flags print what is wrong and the usage, exit 2, no stack trace', () => {
    for (const args of [['run', '--bogus'], ['run', '--us-policy', 'nope'], ['run', '--seed'], ['frobnicate']]) {
      const r = brink(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Usage: brink/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(brink(['run', '--us-policy', 'nope']).stderr).toMatch(/unknown policy 'nope'.*historical/);
    // the game's level names are not bots, but Normal's bot is named for the player who tries it
    expect(brink(['run', '--us-policy', 'normal']).stderr).toContain("unknown policy 'normal' (the Normal level is 'historical');");
  });

  it('--param replays a batch game: a pinned one, and one that drew its parameters (the line brink batch prints)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-'));
    const out = join(dir, 'games.jsonl');
    const b = brink([
      'batch',
      '--scenario',
      'tower-22',
      '--runs',
      '3',
      '--seed',
      '5',
      '--uncertainty',
      'prior',
      '--out',
      out,
      '--workers',
      '1',
    ]);
    expect(b.code, b.stderr).toBe(0);
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; seed: string; params: Record<string, number>; scores: { us: number; iran: number } });
    const game = records.find((r) => r.index === 2)!;
    const flags = Object.entries(game.params).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
    const replay = brink(['run', '--scenario', 'tower-22', '--seed', game.seed, ...flags, '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    const json = JSON.parse(replay.stdout);
    expect(json.params).toEqual(game.params);
    expect(json.outcome.scores).toEqual(game.scores);
    // At the point values it is another game: the parameters are what make it this one.
    const plain = JSON.parse(brink(['run', '--scenario', 'tower-22', '--seed', game.seed, '--json']).stdout);
    expect(plain.params).toBeUndefined();
    expect(plain.outcome.scores).not.toEqual(game.scores);

    // A batch with --param names it in its replay line, and the game it names is that batch's.
    const pinned = brink([
      'batch',
      '--scenario',
      'tower-22',
      '--runs',
      '2',
      '--seed',
      '5',
      '--param',
      'fatalityPerAttack=0.5',
      '--out',
      join(dir, 'p.jsonl'),
    ]);
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(pinned.stdout).toContain(
      "replay one with: brink run --scenario tower-22 --seed '5:<i>' --us-policy historical --iran-policy historical --param fatalityPerAttack=0.5",
    );
    const first = JSON.parse(readFileSync(join(dir, 'p.jsonl'), 'utf8').split('\n')[0]!) as { seed: string; metrics: { usKilled: number } };
    const text = brink(['run', '--scenario', 'tower-22', '--seed', first.seed, '--param', 'fatalityPerAttack=0.5']);
    expect(text.stdout).toContain('US: historical · Iran: historical · params fatalityPerAttack=0.5');
    expect(text.stdout).toContain(`${first.metrics.usKilled} US killed`);
    expect(brink(['run', '--param', 'fatalityPerAttack=2']).stderr).toMatch(
      /fatalityPerAttack must be between 0 and 1[\s\S]*Usage: brink run/,
    );
  });

  it("a bad flag value the batch layer refuses (--param, --param-b, --metric, --shard) prints the command's usage, like any bad flag", () => {
    const cases: [string[], RegExp][] = [
      [['batch', '--param', 'noSuchParam=1'], /unknown parameter 'noSuchParam'[\s\S]*Usage: brink batch/],
      [['compare', '--param-b', 'fatalityPerAttack=3'], /fatalityPerAttack must be between 0 and 1, got 3[\s\S]*Usage: brink compare/],
      [['sweep', '--param', 'deterrenceEffect', '--metric', 'nope'], /--metric: unknown 'nope'[\s\S]*Usage: brink sweep/],
      [['sweep', '--param', 'militiaAttackRate=2:12:5'], /militiaAttackRate must be between 0 and 10, got 12[\s\S]*Usage: brink sweep/],
    ];
    for (const [args, message] of cases) {
      const r = brink(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a reader that stops early (brink run | head) ends the program quietly', async () => {
    const child = spawn(process.execPath, [BIN, 'run', '--scenario', 'october-2023', '--seed', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.destroy(); // the reader is gone before the first line is written
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('an unknown scenario is a user error that lists the shipped ones', () => {
    const r = brink(['run', '--scenario', 'atlantis']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--scenario: no scenario 'atlantis' \(shipped: october-2023/);
  });

  it('a near miss of a shipped scenario suggests it, under the flag that named it', async () => {
    const a = capture();
    expect(await main(['batch', '--scenario', 'tower22'], a.io)).toBe(2);
    expect(a.err.join('\n')).toContain("--scenario: no scenario 'tower22' (did you mean tower-22?)");
    const b = capture();
    expect(await main(['compare', '--scenario-b', 'Red-Sea'], b.io)).toBe(2);
    expect(b.err.join('\n')).toContain("--scenario-b: no scenario 'Red-Sea' (did you mean red-sea?)");
  });
});

describe('brink scenarios', () => {
  it('lists the shipped scenarios and shows one, with what actually happened only on --reveal', () => {
    const list = brink(['scenarios', 'list']);
    expect(list.code).toBe(0);
    // In the order the play menu offers them: the record by date, the what-if last.
    expect(list.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['october-2023', 'red-sea', 'tower-22', 'rafah', '']);
    // Projected before a class plays: the briefing, but not the ending.
    const show = brink(['scenarios', 'show', 'tower-22']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Tower 22/);
    expect(show.stdout).not.toMatch(/What actually happened:/);
    expect(show.stdout).not.toMatch(/Last militia attack/);
    expect(show.stdout).toMatch(/add --reveal/);
    const reveal = brink(['scenarios', 'show', 'tower-22', '--reveal']);
    expect(reveal.stdout).toMatch(/What actually happened:/);
    expect(reveal.stdout).toMatch(/2024-02-04 {2}Last militia attack/);
  });

  it('validate reports file:line:col path: message for every broken file, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'schema: brink.scenario/1\nid: Bad Id\ntitle: t\nbriefing: b\nhistorical: false\nstart: "2024-02-30"\nturns: 3\n');
    const r = brink(['scenarios', 'validate', bad, 'scenarios/rafah.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/scenarios\/rafah\.yaml: ok/);
    expect(r.stderr).toContain(`${bad}:2:5 id: must be lower-case`);
    expect(r.stderr).toContain(`${bad}:6:8 start: is not a real calendar date`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(brink(['scenarios', 'validate', join(dir, 'missing.yaml')]).stderr).toMatch(/missing\.yaml:1:1 \(document\): no such file/);
  });
});

describe('a bad flag: what is wrong, then the short usage', () => {
  const run = async (args: string[]) => {
    const c = capture();
    const code = await main(args, c.io);
    return { code, err: c.err.join('\n') };
  };

  it("a bad value prints the message, the command's Usage: line and where its options are listed, not the whole help", async () => {
    const r = await run(['batch', '--runs', 'abc']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "brink: --runs must be a whole number from 1 to 10000000, got 'abc'\nUsage: brink batch [options]\nRun 'brink batch --help' for the options.",
    );
  });

  it("commander's own errors read 'brink: …' and keep its suggestion, for every command", async () => {
    const near = await run(['batch', '--sed', '3']);
    expect(near.code).toBe(2);
    expect(near.err).toBe(
      "brink: unknown option '--sed'\n(Did you mean --seed?)\nUsage: brink batch [options]\nRun 'brink batch --help' for the options.",
    );
    for (const { name } of COMMANDS) {
      const r = await run([name, '--no-such-flag-here']);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(
        new RegExp(
          `^brink: unknown option '--no-such-flag-here'\\nUsage: brink ${name} .*\\nRun 'brink ${name} --help' for the options\\.$`,
        ),
      );
      expect(r.err, name).not.toMatch(/^error:|\nOptions:/m);
    }
    const root = await run(['frobnicate']);
    expect(root.err).toMatch(
      /^brink: unknown command 'frobnicate'\nUsage: brink \[options\] \[command\]\nRun 'brink --help' for the commands and options\.$/,
    );
  });

  it('play --opponent names each opponent it takes once, and is refused before the terminal is needed', async () => {
    const r = await run(['play', '--opponent', 'foo']);
    expect(r.code).toBe(2);
    const names = /expected one of ([^)]*)\)/.exec(r.err)![1]!.split(', ');
    expect(names).toEqual([...new Set(names)]);
    expect(names).toEqual(expect.arrayContaining(['easy', 'normal', 'hard', 'historical', 'hawk']));
    expect(r.err).not.toMatch(/interactive terminal/);
  });
});
