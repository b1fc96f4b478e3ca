/**
 * The compiled CLI (bin/brink → dist/, kept current by test/helpers/global-setup.ts): it runs without
 * tsx, its version is package.json's, each command imports only what it needs, the environment stands
 * in for --workers and --seed, and help and completion list the commands and values there are.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { brink, ROOT } from '../helpers/cli.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { COMMANDS, loadAllCommands } from '../../src/cli/commands/index.ts';
import { HELP_TOPICS } from '../../src/cli/help.ts';
import { getPolicy, policyIds } from '../../src/policies/index.ts';
import { ACTIONS, actionsFor } from '../../src/model/actions.ts';
import { portfolioIds } from '../../src/model/portfolio.ts';
import { PARAM_IDS } from '../../src/model/params.ts';
import { SWEEP_METRICS } from '../../src/batch/sweep.ts';
import { parseAssignment, parseSweepRange } from '../../src/batch/params-arg.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const dir = mkdtempSync(join(tmpdir(), 'brink-build-'));

/** The modules a CLI run loaded (their URLs), through test/helpers/trace-loads.mjs. */
function loadsOf(args: string[], name: string): string[] {
  const file = join(dir, `${name}.loads`);
  const r = brink(args, { nodeArgs: ['--import', './test/helpers/trace-loads.mjs'], env: { BRINK_TRACE_LOADS: file } });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(file, 'utf8').trim().split('\n');
}
const fromPackage = (loads: string[], name: string) => loads.some((u) => u.includes(`/node_modules/${name}/`));

describe('the compiled CLI', () => {
  it('runs the JavaScript in dist/, not the TypeScript sources, and never loads tsx', () => {
    const loads = loadsOf(['run', '--scenario', 'tower-22', '--seed', '1', '--json'], 'run-json');
    expect(loads.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(loads.filter((u) => u.includes('/src/') && u.endsWith('.ts'))).toEqual([]);
    expect(fromPackage(loads, 'tsx')).toBe(false);
  });

  it('runs batch workers from the compiled worker, without tsx', () => {
    const loads = loadsOf(['batch', '--scenario', 'tower-22', '--runs', '4', '--workers', '2', '--json'], 'batch');
    expect(loads.some((u) => u.endsWith('/dist/batch/worker.js'))).toBe(true);
    expect(loads.filter((u) => u.includes('/src/') && /\.[mc]?[jt]sx?$/.test(u))).toEqual([]);
    expect(fromPackage(loads, 'tsx')).toBe(false);
  });

  it('prints the version of package.json', () => {
    const r = brink(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('loads almost nothing for --help: no model, zod, xstate, yaml, Ink or React', () => {
    const loads = loadsOf(['--help'], 'help');
    for (const heavy of ['zod', 'xstate', 'yaml', 'immer', 'ink', 'react', 'seedrandom'])
      expect(fromPackage(loads, heavy), heavy).toBe(false);
    expect(loads.some((u) => u.includes('/dist/engine/'))).toBe(false);
  });

  it('never loads Ink or React for brink run', () => {
    const loads = loadsOf(['run', '--scenario', 'tower-22', '--seed', '3'], 'run');
    expect(fromPackage(loads, 'xstate')).toBe(true); // it did run the model
    expect(fromPackage(loads, 'ink')).toBe(false);
    expect(fromPackage(loads, 'react')).toBe(false);
  });
});

describe('environment variables', () => {
  it('BRINK_SEED stands in for --seed, and the flag wins', () => {
    const flag = brink(['run', '--scenario', 'tower-22', '--seed', 'env-7', '--json']);
    const env = brink(['run', '--scenario', 'tower-22', '--json'], { env: { BRINK_SEED: 'env-7' } });
    const both = brink(['run', '--scenario', 'tower-22', '--seed', 'env-7', '--json'], { env: { BRINK_SEED: 'other' } });
    expect(JSON.parse(env.stdout).seed).toBe('env-7');
    expect(env.stdout).toBe(flag.stdout);
    expect(both.stdout).toBe(flag.stdout);
  });

  it('BRINK_WORKERS stands in for --workers (a bad value is a usage error naming the variable and the flag)', () => {
    const r = brink(['batch', '--scenario', 'tower-22', '--runs', '2'], { env: { BRINK_WORKERS: '0' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^brink: BRINK_WORKERS="0" stands in for --workers: --workers must be a whole number from 1 to \d+, got 0/);
    const typed = brink(['batch', '--scenario', 'tower-22', '--runs', '2', '--workers', '0']);
    expect(typed.stderr).toMatch(/^brink: --workers must be a whole number from 1 to \d+, got 0/);
    const ok = brink(['batch', '--scenario', 'tower-22', '--runs', '2', '--workers', '1'], { env: { BRINK_WORKERS: '0' } });
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('help', () => {
  it('lists every command in the root help from the table, whose summaries are what the modules register', async () => {
    const program = buildProgram({ out: () => {}, err: () => {} }, () => {}, await loadAllCommands());
    const registered = program.commands.filter((c) => c.name() !== 'help');
    expect(registered.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
    for (const c of registered) expect(COMMANDS.find((e) => e.name === c.name())!.summary, c.name()).toBe(c.description());
    expect([...HELP_TOPICS].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    const root = brink(['--help']);
    for (const c of COMMANDS) expect(root.stdout).toMatch(new RegExp(`^  ${c.name} `, 'm'));
    expect(root.stdout).toContain('Examples:');
    expect(root.stdout).toContain('BRINK_WORKERS');
  });

  it('shows examples on every command, and the bots, always:<force>+<signal>, parameters and metrics it accepts', () => {
    for (const { name } of COMMANDS) {
      const r = brink([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toContain('Examples:\n  $ ');
    }
    const flatBatch = brink(['batch', '--help']).stdout.replace(/\s+/g, ' ');
    for (const id of policyIds()) expect(flatBatch).toContain(id);
    // each bot with what it does, a line a side where the sides' bots differ
    for (const id of policyIds()) {
      for (const side of ['us', 'iran'] as const) expect(flatBatch).toContain(getPolicy(id, side).description);
    }
    expect(flatBatch).toMatch(/search US: Searches 3 turns ahead .* Iran: Searches .* reading the US's conduct by the record/);
    for (const a of ACTIONS) expect(flatBatch).toContain(a.id);
    expect(flatBatch).toContain('always:<force>+<signal>');
    expect(flatBatch).toContain('US force: us.hold,');
    expect(flatBatch).toContain('Iran signal: iran.none,');
    expect(flatBatch).toContain('--policy-module FILE');
    const batch = brink(['help', 'batch']).stdout;
    expect(batch).toContain('BRINK_WORKERS');
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    for (const p of PARAM_IDS) expect(flat(batch)).toContain(p);
    const sweep = flat(brink(['help', 'sweep']).stdout);
    for (const m of SWEEP_METRICS) expect(sweep).toContain(m);
  });

  it("every --param in a command's examples is a value that command accepts (names, ranges, sweep ranges)", () => {
    let checked = 0;
    for (const { name } of COMMANDS) {
      const lines = brink([name, '--help'])
        .stdout.split('\n')
        .filter((l) => l.startsWith('  $ brink '));
      for (const line of lines) {
        for (const m of line.matchAll(/--param(?:-b)? (\S+)/g)) {
          const raw = m[1]!;
          checked++;
          if (name === 'sweep') expect(() => parseSweepRange('--param', raw, {}), line).not.toThrow();
          else expect(() => parseAssignment('--param', raw), line).not.toThrow();
        }
      }
    }
    expect(checked).toBeGreaterThan(4);
  });

  it('refuses a shell it has no completion for, naming the choices', () => {
    const r = brink(['completion', 'fish']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Allowed choices are bash, zsh');
  });
});

/** The values a policy flag completes to: the bots, then every fixed order of that side (always:…). */
const fixedOrders = (side: 'us' | 'iran') => [...actionsFor(side).map((a) => a.id), ...portfolioIds(side)].map((o) => `always:${o}`);
const usPolicies = () => [...policyIds(), ...fixedOrders('us')];
const iranPolicies = () => [...policyIds(), ...fixedOrders('iran')];

describe('shell completion', () => {
  /** Runs the bash completion function as bash would for the words typed so far. */
  function complete(script: string, words: string[]): string[] {
    const file = join(dir, 'brink.bash');
    writeFileSync(file, script);
    const cmd = `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _brink; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.split('\n').filter(Boolean);
  }

  it('bash: completes commands, subcommands, flags and their known values', () => {
    const r = brink(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(complete(r.stdout, ['brink', 'ba'])).toEqual(['backtest', 'batch']);
    expect(complete(r.stdout, ['brink', 'scenarios', 'v'])).toEqual(['validate']);
    expect(complete(r.stdout, ['brink', 'batch', '--us-pol'])).toEqual(['--us-policy']);
    expect(complete(r.stdout, ['brink', 'compare', '--iran-policy-b', ''])).toEqual(iranPolicies());
    expect(complete(r.stdout, ['brink', 'sweep', '--metric', 'usK'])).toEqual(['usKilled']);
    expect(complete(r.stdout, ['brink', 'run', '--scenario', 'tow'])).toContain('tower-22');
  });

  it('zsh: a #compdef script with a function per command and the known values', () => {
    const r = brink(['completion', 'zsh']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('#compdef brink\n')).toBe(true);
    for (const { name } of COMMANDS) expect(r.stdout).toContain(`_brink_${name}()`);
    // The description escaped for zsh (its colon, the quote inside the single-quoted spec).
    expect(r.stdout).toContain(
      `--us-policy[bot for the US (default\\: the scenario'\\''s defaults.usPolicy, else historical)]:value:(${usPolicies().join(' ')})`,
    );
    expect(r.stdout).toContain('_brink_scenarios_validate()');
  });
});
