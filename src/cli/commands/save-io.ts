/** Reading a save file for `play --load` and `replay`: every failure is a SaveError (exit 2, no stack). */
import { readFileSync } from 'node:fs';
import { SaveError, checkScenario, parseSave, type SaveFile } from '../../engine/save.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { scenarioFrom } from '../options.ts';

export function readSave(path: string, scenarioOverride?: string): { save: SaveFile; scenario: Scenario } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SaveError(`${path}: cannot read the save file (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message})`);
  }
  const save = parseSave(text, path);
  const scenario = scenarioFrom(scenarioOverride ?? save.scenario.id);
  checkScenario(save, scenario, path);
  return { save, scenario };
}
