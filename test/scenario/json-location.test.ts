/**
 * Broken JSON inputs (batch, compare and sensitivity files for the report, saves, posterior files) are
 * named as scenario errors are: file:line:col and the field at fault.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPosterior, PosteriorFileError, SHIPPED_POSTERIOR } from '../../src/analysis/calibration/posterior-file.ts';
import { parseSave } from '../../src/engine/save.ts';
import { jsonSyntaxWhere, jsonValueWhere, jsonWhere } from '../../src/scenario/json-location.ts';

const syntaxError = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (err) {
    return err;
  }
  throw new Error(`${text} parsed`);
};

describe('where in a JSON text', () => {
  it('JSON.parse stopped: line and column of its position, the end of the text included', () => {
    const cases: [string, string][] = [
      ['{"a" 1}', 'f:1:6'],
      ['{\n "a": 1,\n', 'f:3:1'],
      ['{\n "a": 1,\n "b": {\n', 'f:4:1'],
      ['{\n  "a": [1, 2,, 3]\n}', 'f:2:14'],
    ];
    for (const [text, where] of cases) expect(jsonSyntaxWhere('f', text, syntaxError(text)), JSON.stringify(text)).toBe(where);
  });

  it('a value at a path: its line and column, or its nearest existing parent', () => {
    const text = '{\n  "runs": 20,\n  "metrics": {\n    "a": { "p5": 1, "p50": 0 }\n  },\n  "list": [1, {"x": true}]\n}\n';
    expect(jsonValueWhere('f', text, ['runs'])).toBe('f:2:11 runs');
    expect(jsonValueWhere('f', text, ['metrics', 'a', 'p50'])).toBe('f:4:28 metrics.a.p50');
    expect(jsonValueWhere('f', text, ['list', 1, 'x'])).toBe('f:6:21 list[1].x');
    // A field the file lacks: the parent that holds it.
    expect(jsonWhere('f', text, ['metrics', 'b'])).toBe('f:3:14');
    expect(jsonValueWhere('f', text, [])).toBe('f:1:1 (document)');
  });
});

describe('files that use it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brink-jsonloc-'));

  it('a save names the line and column of a truncation', () => {
    const truncated = '{\n "format": "brink.save/3",\n "seed": "3",\n';
    expect(() => parseSave(truncated, 'g.save.json')).toThrow(/^g\.save\.json:4:1: not a Brink save \(corrupt or truncated JSON/);
  });

  it('a posterior file names the line and column of the field at fault', () => {
    const shipped = JSON.parse(readFileSync(SHIPPED_POSTERIOR, 'utf8')) as { params: string[] };
    shipped.params[2] = 'notAParameter';
    const file = join(dir, 'posterior.json');
    const text = JSON.stringify(shipped, null, 1);
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('"notAParameter"')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(() => loadPosterior(file)).toThrow(PosteriorFileError);
    expect(() => loadPosterior(file)).toThrow(`${file}:${line}:3: field params.2: unknown parameter 'notAParameter'`);
  });
});
