/**
 * Colours, switched off when NO_COLOR is set (https://no-color.org). Components take colours only from
 * here, so the whole game honours it; selection is also marked with a character, never colour alone.
 */
import { rungBand } from '../model/ladder.ts';
export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

type Tone = 'accent' | 'danger' | 'warn' | 'ok' | 'muted' | 'us' | 'iran';
const TONES: Record<Tone, string> = {
  accent: 'cyan',
  danger: 'red',
  warn: 'yellow',
  ok: 'green',
  muted: 'gray',
  us: 'blue',
  iran: 'green',
};

export function tone(t: Tone): string | undefined {
  return colorEnabled() ? TONES[t] : undefined;
}

/** Colour of a ladder rung: calm, tense, dangerous. */
export function rungTone(level: number): string | undefined {
  const band = rungBand(level);
  return tone(band === 'dangerous' ? 'danger' : band === 'tense' ? 'warn' : 'ok');
}
