/**
 * The JSON Schema editors use to autocomplete scenario files, generated from the zod schema so the two
 * cannot drift (test/scenario/json-schema.test.ts compares it with the committed file).
 */
import { z } from 'zod';
import { ScenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://brink.invalid/scenario.schema.json',
    title: 'Brink scenario',
    description: 'A Brink scenario file (brink.scenario/1). See docs/scenarios.md.',
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
