/** `npm run schemas`: writes the JSON Schema of every output format to schemas/ (see src/schemas/generate.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { outputSchemaTexts } from '../src/schemas/generate.ts';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(outputSchemaTexts())) {
  writeFileSync(new URL(file, dir), text);
  process.stdout.write(`wrote schemas/${file}\n`);
}
