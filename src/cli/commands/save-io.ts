/**
 * Reading a save file for `play --load`, `replay` and `report --games`: every failure is a user error
 * (exit 2, no stack). The file is read through the guarded I/O layer (a regular file, within a size
 * limit), and the scenario ID written inside it names a shipped scenario only: a path comes from the
 * command line (`--scenario`), never from a file.
 */
import { SaveError, checkScenario, parseSave, upgradeLegacySave, type SaveFile } from '../../engine/save.ts';
import { MiB, readTextFile } from '../../io/read.ts';
import { listScenarioIds, loadShippedScenario, ScenarioError } from '../../scenario/loader.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { scenarioFrom } from '../options.ts';

/** A save of today's format is well under a kilobyte a turn; a brink.save/1 file held the whole state. */
const SAVE_LIMIT = 16 * MiB;

export interface ReadSaveOptions {
  /** A scenario file given on the command line, for a save of a scenario that is not shipped. */
  readonly scenario?: string;
  /** Replay a file edited by hand (its integrity hash no longer matches). */
  readonly acceptEdited?: boolean;
}

/** A save, upgraded to today's format when it is a brink.save/1 file, and the scenario it was played on. */
export function readSave(path: string, options: ReadSaveOptions = {}): { save: SaveFile; scenario: Scenario; legacy: boolean } {
  const text = readTextFile(path, { what: 'save file', maxBytes: SAVE_LIMIT });
  const parsed = parseSave(text, path, { acceptEdited: options.acceptEdited ?? false });
  const head = parsed.kind === 'current' ? parsed.save : parsed.legacy;
  let scenario: Scenario;
  if (options.scenario) scenario = scenarioFrom(options.scenario);
  else {
    try {
      scenario = loadShippedScenario(head.scenario.id);
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      throw new SaveError(
        `${path}: saved for scenario '${head.scenario.id.slice(0, 80)}', which is not a shipped scenario; pass its file with --scenario PATH`,
      );
    }
  }
  if (!options.scenario && head.scenario.hash !== scenario.hash) {
    // The hash the save records is another shipped scenario's: the save's scenario ID was edited.
    const playedOn = listScenarioIds().find((id) => id !== scenario.id && loadShippedScenario(id).hash === head.scenario.hash);
    if (playedOn !== undefined)
      throw new SaveError(
        `${path}: the save names scenario '${scenario.id}', but it was saved with '${playedOn}' (the scenario hash it records, ${head.scenario.hash}, is ${playedOn}'s): its scenario was edited; the game cannot be resumed or replayed`,
      );
  }
  checkScenario(head, scenario, path);
  if (parsed.kind === 'current') return { save: parsed.save, scenario, legacy: false };
  return { save: upgradeLegacySave(parsed.legacy, scenario, path).save, scenario, legacy: true };
}
