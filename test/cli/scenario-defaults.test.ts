/**
 * A scenario's `defaults` name the bots its games are played with: every command that takes --us-policy
 * and --iran-policy plays them when the flag is not given, and the flag wins when it is. The shipped
 * scenarios all name the historical bot, so these tests write a scenario that names others.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loader.ts';
import { brink } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-defaults-'));

/** tower-22 (four turns) under another ID, with `defaults` as given. */
function scenarioFile(name: string, defaults: Record<string, string>): string {
  const { hash: _, ...doc } = loadScenario('tower-22');
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, JSON.stringify({ ...doc, id: name, defaults }));
  return file;
}

const doves = scenarioFile('doves', { usPolicy: 'dove', iranPolicy: 'hawk' });
const json = (r: { code: number | null; stdout: string; stderr: string }) => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe("a scenario's defaults choose the bots", () => {
  it('brink run plays them, and prints them in its header; a flag wins over its side only', () => {
    expect(json(brink(['run', '--scenario', doves, '--json'])).policies).toEqual({ us: 'dove', iran: 'hawk' });
    expect(json(brink(['run', '--scenario', doves, '--us-policy', 'tit-for-tat', '--json'])).policies).toEqual({
      us: 'tit-for-tat',
      iran: 'hawk',
    });
    expect(json(brink(['run', '--scenario', doves, '--iran-policy', 'historical', '--json'])).policies).toEqual({
      us: 'dove',
      iran: 'historical',
    });
    expect(brink(['run', '--scenario', doves]).stdout).toContain('US: dove · Iran: hawk');
  });

  it('brink batch and brink sweep play them; a flag wins', () => {
    const batch = ['batch', '--scenario', doves, '--runs', '2', '--workers', '1', '--json'];
    expect(json(brink(batch)).policies).toEqual({ us: 'dove', iran: 'hawk' });
    expect(json(brink([...batch, '--iran-policy', 'dove'])).policies).toEqual({ us: 'dove', iran: 'dove' });
    const sweep = ['sweep', '--scenario', doves, '--runs', '2', '--workers', '1', '--param', 'fatalityPerAttack=0:1:2', '--json'];
    expect(json(brink(sweep)).policies).toEqual({ us: 'dove', iran: 'hawk' });
    expect(json(brink([...sweep, '--us-policy', 'hawk'])).policies).toEqual({ us: 'hawk', iran: 'hawk' });
  });

  it('brink compare plays them in arm A, and in arm B where no -b flag names another; a flag wins', () => {
    const compare = ['compare', '--scenario', doves, '--runs', '2', '--workers', '1', '--json'];
    const c = json(brink([...compare, '--us-policy-b', 'hawk']));
    expect(c.a.policies).toEqual({ us: 'dove', iran: 'hawk' });
    expect(c.b.policies).toEqual({ us: 'hawk', iran: 'hawk' });
    const flagged = json(brink([...compare, '--iran-policy', 'historical', '--us-policy-b', 'hawk']));
    expect(flagged.a.policies).toEqual({ us: 'dove', iran: 'historical' });
    expect(flagged.b.policies).toEqual({ us: 'hawk', iran: 'historical' });
  });

  it('brink sensitivity and brink report play them; a flag wins', () => {
    const budget = ['--trajectories', '2', '--top', '1', '--sobol-n', '2', '--games', '1', '--workers', '1', '--json'];
    const s = json(brink(['sensitivity', '--scenario', doves, ...budget])).settings;
    expect([s.us, s.iran]).toEqual(['dove', 'hawk']);
    const flagged = json(brink(['sensitivity', '--scenario', doves, '--us-policy', 'historical', ...budget])).settings;
    expect([flagged.us, flagged.iran]).toEqual(['historical', 'hawk']);
    const out = join(dir, 'report.html');
    const report = ['report', '--scenario', doves, '--runs', '2', '--workers', '1', '--out', out];
    expect(brink(report).code).toBe(0);
    // The replay line, as its text reads (each of its words is held whole in a tag of its own).
    const text = () => readFileSync(out, 'utf8').replace(/<[^>]+>/g, '');
    expect(text()).toContain('--us-policy dove --iran-policy hawk');
    expect(brink([...report, '--iran-policy', 'dove']).code).toBe(0);
    expect(text()).toContain('--us-policy dove --iran-policy dove');
  });

  it('a scenario without defaults plays the historical bots', () => {
    const none = scenarioFile('none', {});
    expect(json(brink(['run', '--scenario', none, '--json'])).policies).toEqual({ us: 'historical', iran: 'historical' });
  });

  it('a default the side cannot play is a broken scenario file, located at its field: exit 2, no usage, no stack', () => {
    const wrong = scenarioFile('wrong-side', { iranPolicy: 'always:us.hold' });
    const r = brink(['run', '--scenario', wrong]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^brink: \S*wrong-side\.yaml:\d+:\d+ defaults\.iranPolicy: 'always:us\.hold' is a US order; iranPolicy needs an Iranian one\n$/,
    );
    expect(r.stderr).not.toMatch(/Usage:|\n\s+at /);
    // As with an unknown bot there, the file is refused whatever the flags: it is the file that is wrong.
    expect(brink(['run', '--scenario', wrong, '--iran-policy', 'historical', '--json']).code).toBe(2);
  });

  it('the help says where the default comes from', () => {
    for (const command of ['run', 'batch', 'compare', 'sweep', 'sensitivity', 'report']) {
      const help = brink([command, '--help']).stdout.replace(/\s+/g, ' ');
      expect(help, command).toContain("--us-policy <policy> bot for the US (default: the scenario's defaults.usPolicy, else historical)");
      expect(help, command).toContain("--iran-policy <policy> bot for Iran (default: the scenario's defaults.iranPolicy, else historical)");
    }
  });
});
