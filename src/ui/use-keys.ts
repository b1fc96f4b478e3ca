/**
 * How screens take keys: like Ink's useInput, but a key always reaches the handler of the latest render.
 *
 * useInput subscribes in an effect, which React runs only after the new screen is on the terminal. A key
 * read in between (a fast typist; keys typed ahead on a loaded machine) went to the previous render's
 * handler, with its old state (↓ then Enter selected the item above the highlighted one), or, right after
 * a screen change, to the screen that had just gone (the key was lost). So inside the App one input
 * subscription, made once, routes every key to `router.current`, which the active screen sets while it
 * renders: the handler is in place by the time its screen is drawn. (Setting a ref during render is safe
 * here: Ink renders synchronously and never discards a render.) A screen rendered alone, as in component
 * tests, subscribes itself.
 */
import { useInput, type Key } from 'ink';
import { createContext, useCallback, useContext, useRef } from 'react';

export type KeyHandler = (input: string, key: Key) => void;
export type KeyRouter = { current: KeyHandler | undefined };

const RouterContext = createContext<KeyRouter | undefined>(undefined);
export const KeyRouterProvider = RouterContext.Provider;

/** For the App: one input subscription for its whole life, forwarding each key to the active screen. */
export function useKeyRouter(): KeyRouter {
  const router = useRef<KeyHandler | undefined>(undefined);
  useInput(useCallback((input: string, key: Key) => router.current?.(input, key), []));
  return router;
}

export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const router = useContext(RouterContext);
  const active = options.isActive !== false;
  if (router && active) router.current = handler;
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive: !router && active });
}
