/**
 * `brink play`: the Ink terminal game. Flags pre-fill (and skip) the set-up; `--load` resumes a save
 * after checking that its decision log reproduces it. Needs an interactive terminal: without one it says
 * so, points to `brink run`, and exits 2.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { createElement } from 'react';
import { replaySave, saveText, SaveError, type PlaySide } from '../../engine/save.ts';
import type { Side } from '../../model/actions.ts';
import type { GameState } from '../../engine/state.ts';
import { loadShippedScenarios } from '../../scenario/loader.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { UsageError } from '../errors.ts';
import { outputTarget } from '../../io/output.ts';
import type { CommandModule } from '../command.ts';
import { parseSeed, scenarioFrom } from '../options.ts';
import {
  humanSides,
  offRecordOf,
  opponentIds,
  opponentName,
  resolveOpponent,
  saveOf,
  sealedOrders,
  type PlaySetup,
} from '../../ui/session.ts';
import { wrapDocument } from '../../ui/text.ts';
import type { ExitReport, PendingOrders, SaveResult } from '../../ui/App.tsx';
import { buildDebrief, formatDebrief } from '../../analysis/debrief/debrief.ts';
import { readSave } from './save-io.ts';

interface PlayOpts {
  scenario?: string;
  side?: string;
  opponent?: string;
  seed?: string;
  load?: string;
  save?: string;
  debrief?: string;
}

export function parseSide(raw: string): PlaySide {
  if (raw === 'us' || raw === 'iran' || raw === 'both') return raw;
  throw new UsageError(`--side must be us, iran or both, got '${raw}'`);
}

export function parseOpponent(raw: string): string {
  const id = resolveOpponent(raw);
  if (!id) throw new UsageError(`--opponent: unknown opponent '${raw}' (expected one of ${opponentIds().join(', ')})`);
  return id;
}

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** Where a save stands in its game, as the save messages say it. */
const standing = (turn: number) => (turn === 0 ? 'before the first turn' : `after turn ${turn}`);

/** Text printed after the game: word-wrapped on a terminal, unchanged into a pipe or a file. */
const forTerminal = (text: string) => (process.stdout.isTTY ? wrapDocument(text, process.stdout.columns || 80) : text);

/**
 * Where `s` saves when no --save was given: named for the game (scenario, seed, the human's side and the
 * opponent), and never a file that is already there. Two games of one scenario and seed, one as the US
 * and one as Iran, or two students in one folder, each keep their own save (`-2`, `-3` … when the name is
 * taken). Each save of a session that finds the game moved on takes the next free name too, so an earlier
 * save is never replaced (onSave below).
 */
export function defaultSavePath(
  setup: Pick<PlaySetup, 'scenario' | 'side' | 'opponent' | 'seed'>,
  taken: (path: string) => boolean,
): string {
  const who = setup.side === 'both' ? 'hotseat' : `${setup.side}-vs-${fileSafe(opponentName(setup.opponent))}`;
  const base = `brink-${setup.scenario.id}-${fileSafe(setup.seed)}-${who}`;
  for (let n = 1; ; n++) {
    const path = `${base}${n === 1 ? '' : `-${n}`}.save.json`;
    if (!taken(path)) return path;
  }
}

/**
 * Where `s` saves in a game resumed from `loaded` without --save: beside it, under the next free
 * numbered name (`mid.save.json` → `mid-2.save.json`, `mid-2.save.json` → `mid-3.save.json`), so the file
 * a game was loaded from, a teacher's handed-out position say, is never overwritten.
 */
export function resumedSavePath(loaded: string, taken: (path: string) => boolean): string {
  const ext = loaded.endsWith('.save.json') ? '.save.json' : extname(loaded);
  const named = loaded.slice(0, loaded.length - ext.length);
  const own = /-(\d+)$/.exec(named);
  const stem = own ? named.slice(0, own.index) : named;
  for (let n = own ? Number(own[1]) + 1 : 2; ; n++) {
    const path = `${stem}-${n}${ext}`;
    if (!taken(path)) return path;
  }
}

export const register: CommandModule = (program, io, setExit) => {
  program
    .command('play')
    .description('play a scenario in the terminal as the US, Iran, or both (hot-seat)')
    .option('--scenario <id|path>', 'scenario ID or YAML file')
    .option('--side <side>', 'us, iran or both')
    .option(
      '--opponent <bot>',
      "easy, normal, hard, or a policy ID (without it the set-up asks, starting on the scenario's default bot for the other side, else normal)",
    )
    .option('--seed <seed>', 'game seed (any text)')
    .option('--load <file>', 'resume a saved game')
    .option(
      '--save <file>',
      'where `s` saves (default: brink-<scenario>-<seed>-<side>-vs-<opponent>.save.json, or with --load the loaded name numbered -2, -3 …; a name already taken is never overwritten)',
    )
    .option('--debrief <file>', 'on quitting, write the debrief to this file instead of printing it')
    .action(async (opts: PlayOpts) => {
      if (opts.load) {
        // A save carries its own side, seed and opponent: a flag that would be ignored is refused.
        const clash = (['side', 'seed', 'opponent'] as const).find((k) => opts[k] !== undefined);
        if (clash)
          throw new UsageError(`--${clash} cannot be combined with --load: the save sets the ${clash} of the game it continues`, false);
      }
      // The save path is checked now, not when `s` is pressed mid-game; standard output shows the game.
      if (opts.save !== undefined && outputTarget('--save', opts.save).kind === 'stdout')
        throw new UsageError('--save needs a file: standard output shows the game', false);
      // --debrief is checked now too ('-' is standard output, where the debrief goes anyway).
      const debriefFile = opts.debrief !== undefined && outputTarget('--debrief', opts.debrief).kind === 'file' ? opts.debrief : undefined;
      // The flags are checked before the terminal is: a mistyped one is said as such wherever it is typed.
      const preset: { scenario?: Scenario; side?: PlaySide; opponent?: string; seed?: string } = {};
      if (opts.side) preset.side = parseSide(opts.side);
      if (opts.opponent) preset.opponent = parseOpponent(opts.opponent);
      if (opts.seed) preset.seed = parseSeed(opts.seed);
      if (!process.stdin.isTTY) {
        io.err('brink play needs an interactive terminal (stdin is not a TTY).');
        io.err('For a game without one, run two bots headless: brink run --scenario tower-22 --seed 1');
        setExit(2);
        return;
      }
      let resume: { setup: PlaySetup; state: GameState; sealed?: readonly Side[] } | undefined;
      if (opts.load) {
        const { save, scenario } = readSave(opts.load, opts.scenario ? { scenario: opts.scenario } : {});
        const replay = replaySave(save, scenario);
        if (!replay.matches) {
          const where = replay.firstDifference === null ? 'its final state differs' : `first difference at turn ${replay.firstDifference}`;
          throw new SaveError(
            `${opts.load}: re-simulating its orders does not give the saved game (${where}); the file was altered or made by another engine`,
          );
        }
        // Hot-seat: an order sealed before the save is not in it; that side chooses again, and is told why.
        resume = {
          setup: { scenario, side: save.side, opponent: save.opponent ?? 'historical', seed: save.seed },
          state: replay.state,
          ...(save.sealed.length > 0 ? { sealed: save.sealed } : {}),
        };
      } else if (opts.scenario) {
        preset.scenario = scenarioFrom(opts.scenario);
      }
      const scenarios = loadShippedScenarios();
      const { render } = await import('ink');
      const { App } = await import('../../ui/App.tsx');
      let lastSave: { path: string; finished: boolean; turn: number } | undefined;
      const onSave = (state: GameState, setup: PlaySetup, pending: PendingOrders): SaveResult => {
        // Without --save, a save of a game moved on since the last save takes a new free name, so no save is replaced;
        // s again with no turn played since writes the same game to the same file.
        const path =
          opts.save ??
          (lastSave?.turn === state.turn
            ? lastSave.path
            : opts.load
              ? resumedSavePath(opts.load, existsSync)
              : defaultSavePath(setup, existsSync));
        // Built outside the try: a fault in making the save is a bug to report, not a file that could not be written.
        const save = saveOf(state, setup, pending);
        try {
          writeFileAtomic(path, saveText(save));
        } catch (err) {
          return { ok: false, message: `Could not save to ${path}: ${(err as Error).message}` };
        }
        lastSave = { path, finished: state.over !== null, turn: state.turn };
        if (state.over) return { ok: true, message: `Saved the finished game to ${path}` };
        // Hot-seat: an order sealed is not written to the file, which the other player could open.
        const orders = sealedOrders(save.sealed);
        const note = orders ? `; ${orders} is not in it, so it stays secret (on loading, it is chosen again)` : '';
        return { ok: true, message: `Saved ${standing(state.turn)} to ${path}${note}` };
      };
      // Raw mode from the start: Ink turns it on only in an effect after the first screen is drawn, and a key
      // typed before that (Enter at once on the first screen) was read in cooked mode, as a newline Ink does
      // not treat as Enter. Ink restores the terminal on exit.
      if (process.stdin.isTTY) process.stdin.setRawMode(true);
      let report: ExitReport | undefined;
      const app = render(
        createElement(App, {
          scenarios,
          preset,
          defaultSeed: '1',
          ...(resume ? { resume } : {}),
          onSave,
          onExit: (r: ExitReport) => (report = r),
          settleMs: SETTLE_MS,
        }),
        { exitOnCtrlC: false },
      );
      await app.waitUntilExit();
      // After the game: the debrief (printed, or written with --debrief), so that a class can keep it,
      // and how to go on from the save.
      if (report?.state && report.setup && report.state.turn > 0) {
        const humans = humanSides(report.setup.side);
        const offRecord = offRecordOf(report.setup);
        const text = `${formatDebrief(buildDebrief(report.state, report.setup.scenario, { humans, offRecord })).trimStart()}\n`;
        if (debriefFile) {
          writeFileAtomic(debriefFile, text);
          io.out(`Debrief written to ${debriefFile}`);
        } else io.out(forTerminal(text));
      }
      if (lastSave) {
        const playedOn = report?.state !== undefined && report.state.turn > lastSave.turn;
        const line = lastSave.finished
          ? `Saved game: ${lastSave.path} (check it with brink replay ${lastSave.path})`
          : playedOn
            ? `Saved game: ${lastSave.path} holds the game as it stood ${standing(lastSave.turn)}, not the turns played since (resume it with brink play --load ${lastSave.path})`
            : `Saved game: ${lastSave.path} (resume with brink play --load ${lastSave.path})`;
        io.out(forTerminal(line));
      }
      if (report?.interrupted) setExit(130);
    });
};

/** Ink draws at most 30 frames a second: two frames' wait puts "resolving…" on screen before a bot thinks. */
const SETTLE_MS = 70;
