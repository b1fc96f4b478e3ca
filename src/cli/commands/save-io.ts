/** Reading a save file for `play --load` and `replay`: every failure is a SaveError (exit 2, no stack). */
import { readFileSync } from 'node:fs';
import { SaveError, checkScenario, parseSave, upgradeLegacySave, type SaveFile } from '../../engine/save.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { scenarioFrom } from '../options.ts';

export interface ReadSaveOptions {
  /** A scenario file given on the command line, for a save of a scenario that is not shipped. */
  readonly scenario?: string;
  /** Replay a file edited by hand (its integrity hash no longer matches). */
  readonly acceptEdited?: boolean;
}

/** A save, upgraded to today's format when it is a brink.save/1 file, and the scenario it was played on. */
export function readSave(path: string, options: ReadSaveOptions = {}): { save: SaveFile; scenario: Scenario; legacy: boolean } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SaveError(`${path}: cannot read the save file (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message})`);
  }
  const parsed = parseSave(text, path, { acceptEdited: options.acceptEdited ?? false });
  const head = parsed.kind === 'current' ? parsed.save : parsed.legacy;
  const scenario = scenarioFrom(options.scenario ?? head.scenario.id);
  checkScenario(head, scenario, path);
  if (parsed.kind === 'current') return { save: parsed.save, scenario, legacy: false };
  return { save: upgradeLegacySave(parsed.legacy, scenario, path).save, scenario, legacy: true };
}
