/**
 * Where in a JSON file something is wrong, as `file:line:col path`, the form scenario errors take: the
 * position JSON.parse gave up at, or the value a schema refused. JSON is YAML, so the YAML parser that
 * locates scenario errors finds the value at a path in a JSON file too. Used only when reading failed,
 * so its cost (a second parse) is paid on the error path alone.
 */
import { LineCounter, parseDocument } from 'yaml';
import { formatPath, locate } from './loader.ts';

export type JsonPath = readonly PropertyKey[];

/** `file:line:col` of the character JSON.parse stopped at (its message's "position N", else the YAML parser's first error), or 1:1. */
export function jsonSyntaxWhere(file: string, text: string, err: unknown): string {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : String(err));
  // Some of V8's messages give no position ("Unexpected token ','"): the YAML parser's first error does.
  const offset = m ? Number(m[1]) : (parseDocument(text, { prettyErrors: false }).errors[0]?.pos[0] ?? 0);
  // As the YAML parser fills it: the offset of each line's start, the first line's (0) included.
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  const pos = lc.linePos(Math.min(offset, text.length));
  return `${file}:${pos.line}:${pos.col}`;
}

const keysOf = (path: JsonPath) => path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');

/** `file:line:col` of the value at `path` (or of its nearest existing parent) in a JSON text. */
export function jsonWhere(file: string, text: string, path: JsonPath): string {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const pos = lc.linePos(locate(doc, keysOf(path)));
  return `${file}:${pos.line}:${pos.col}`;
}

/** `file:line:col path` of the value at `path`, the path written as scenario errors write it. */
export function jsonValueWhere(file: string, text: string, path: JsonPath): string {
  const keys = keysOf(path);
  return `${jsonWhere(file, text, keys)} ${keys.length > 0 ? formatPath(keys) : '(document)'}`;
}
