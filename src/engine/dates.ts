/**
 * Calendar arithmetic for the turn loop, memoised: a batch asks for the same few dates (a scenario's
 * start plus each turn's offset) millions of times, and each uncached answer parses and formats a Date.
 * The answers are those of scenario/calendar.ts's addDays and daysBetween, which remain the definition.
 */
import { addDays, daysBetween } from '../scenario/calendar.ts';

const added = new Map<string, Map<number, string>>();
const between = new Map<string, number>();

export function dateAfter(start: string, days: number): string {
  let byDay = added.get(start);
  if (!byDay) {
    byDay = new Map();
    added.set(start, byDay);
  }
  let d = byDay.get(days);
  if (d === undefined) {
    d = addDays(start, days);
    if (byDay.size < 10_000) byDay.set(days, d);
  }
  return d;
}

/** The last answer, checked first: the turn loop asks the same question (a scenario's war start to its start) every turn. */
let last: { readonly from: string; readonly to: string; readonly days: number } | undefined;

export function daysFrom(fromIso: string, toIso: string): number {
  if (last !== undefined && last.from === fromIso && last.to === toIso) return last.days;
  const key = `${fromIso}/${toIso}`;
  let n = between.get(key);
  if (n === undefined) {
    n = daysBetween(fromIso, toIso);
    if (between.size < 10_000) between.set(key, n);
  }
  last = { from: fromIso, to: toIso, days: n };
  return n;
}
