import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRecord, parseRecord, RECORD_FILE, windowTurns } from '../../../src/analysis/record/table.ts';
import { factById } from '../../../src/model/evidence.ts';

const TEXT = readFileSync(RECORD_FILE, 'utf8');

describe('seeds/record.yaml: the one table of record figures', () => {
  it('loads, every figure citing facts that exist, with a window inside its scenario', () => {
    const { figures, shocks } = loadRecord();
    expect(figures.length).toBeGreaterThanOrEqual(10);
    for (const f of figures) {
      for (const id of f.facts) expect(factById(id), `${f.id} → ${id}`).toBeDefined();
      expect(f.turns[0]).toBeLessThanOrEqual(f.turns[1]);
      expect(f.record[0]).toBeLessThanOrEqual(f.record[1]);
    }
    expect(shocks.firstFatal.killed).toBe(factById('F-06')!.figures!.killed);
  });

  it('maps windows to turns: F-01 up to 2 Feb is all 16 turns, F-03 after 2 Feb skips the week of the deaths', () => {
    expect(windowTurns('2023-10-17', 7, 16, '2023-10-17', '2024-02-02')).toEqual([0, 15]);
    expect(windowTurns('2024-01-28', 7, 4, '2024-02-02', '2024-02-22')).toEqual([1, 3]);
    // A one-day figure falls in the turn that holds that day.
    expect(windowTurns('2024-01-28', 7, 4, '2024-02-02', '2024-02-02')).toEqual([0, 0]);
    expect(windowTurns('2024-01-28', 7, 4, '2025-01-01', '2025-02-01')).toBeUndefined();
  });

  it('a bad entry names the file, line, column and field', () => {
    const wrongFigure = TEXT.replace('value: { fact: F-01, figure: attacks }', 'value: { fact: F-01, figure: attackz }');
    expect(() => parseRecord(wrongFigure, 'record.yaml')).toThrow(
      /^record\.yaml:\d+:\d+ figures\[0\]\.value: F-01 has no figure 'attackz'/,
    );
    const copied = TEXT.replace('value: { fact: F-01, figure: attacks }', 'value: 170');
    expect(() => parseRecord(copied, 'record.yaml')).toThrow(/figures\[0\]\.value: a literal value needs a valueReason/);
    const noWindow = TEXT.replace('window: { from: "2023-10-17", to: "2024-02-02" }', 'window: { from: "2025-10-17", to: "2026-02-02" }');
    expect(() => parseRecord(noWindow, 'record.yaml')).toThrow(/figures\[0\]\.window: .* covers no turn of october-2023/);
    const badKind = TEXT.replace('kind: floor', 'kind: flor');
    expect(() => parseRecord(badKind, 'record.yaml')).toThrow(/^record\.yaml:\d+:\d+ figures\[0\]\.kind: /);
    const line = TEXT.split('\n').findIndex((l) => l.includes('kind: floor')) + 1;
    expect(() => parseRecord(badKind, 'record.yaml')).toThrow(new RegExp(`^record\\.yaml:${line}:`));
  });
});
