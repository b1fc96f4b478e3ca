/**
 * Ink's useInput, but the handler that runs is always the one from the latest render.
 *
 * useInput subscribes its handler in an effect, which React runs only after the new screen is written:
 * a key that arrives in between (a fast typist, keys typed ahead on a loaded machine) reached the handler
 * of the previous render, with the previous state, so ↓ then Enter could select the item above the one
 * highlighted on screen. Keeping the handler in a ref, set during render, closes that window.
 */
import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';

export function useKeys(handler: (input: string, key: Key) => void, options: { isActive?: boolean } = {}): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, options);
}
