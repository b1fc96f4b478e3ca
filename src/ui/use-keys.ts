/**
 * How screens take keys: one subscription for the whole game, one key at a time, to the handler of the
 * latest render, and none lost.
 *
 * - One subscription. Ink's useInput subscribes in an effect, which React runs only after the new screen
 *   is on the terminal; a key read in between went to the previous render's handler (old state) or, right
 *   after a screen change, to a screen that had just gone. So the App subscribes once (useKeyRouter) and
 *   routes every key to `router.current`, which the active screen sets while it renders: the handler is in
 *   place by the time its screen is drawn. (Setting a ref during render is safe here: Ink renders
 *   synchronously and never discards a render.)
 * - One key at a time. A terminal hands the program a chunk: one key, or many when the user pastes
 *   (`3jjjj`) or types faster than the game reads (Enter and `y` together). Each chunk is split into keys
 *   (keys.ts) and queued; after each commit the router hands out one key and renders again, so the next
 *   key meets the state this one produced.
 * - Held while busy. While a turn resolves (a bot thinking) the queue keeps its keys and hands them out
 *   afterwards; Ctrl-C alone skips the queue and goes at once to `router.interrupt` (the game asks first).
 *
 * A screen rendered alone, as in component tests, subscribes itself and handles each key of a chunk in order.
 */
import { useStdin } from 'ink';
import { createContext, createElement, type ReactNode, useContext, useLayoutEffect, useRef, useState } from 'react';
import { keysOf, type KeyInfo, type KeyPress } from './keys.ts';

export type KeyHandler = (input: string, key: KeyInfo) => void;
export interface KeyRouter {
  /** The active screen's handler, set while it renders. */
  current: KeyHandler | undefined;
  /** Ctrl-C's handler, set while the game renders. */
  interrupt: (() => void) | undefined;
}

const RouterContext = createContext<KeyRouter | undefined>(undefined);

/** The React nesting depth cap is 50 synchronous updates: every 20 keys the chain yields to the event loop. */
const CHAIN = 20;

/**
 * For the App: the one input subscription, the queue, and the provider the screens' useKeys find.
 * `paused` holds the queue (a turn resolving).
 */
export function KeyboardProvider({ paused = false, children }: { paused?: boolean; children: ReactNode }) {
  const { internal_eventEmitter: events, setRawMode } = useStdin();
  const router = useRef<KeyRouter>({ current: undefined, interrupt: undefined }).current;
  const queue = useRef<KeyPress[]>([]);
  const chain = useRef(0);
  const [, setTick] = useState(0);

  // A layout effect, so raw mode is on before the first frame shows: a Ctrl-C typed at once is a key for
  // the game to ask about, not a signal that kills it.
  useLayoutEffect(() => {
    setRawMode(true);
    const onInput = (chunk: string) => {
      for (const k of keysOf(chunk)) {
        if (k.key.ctrl && k.input === 'c') router.interrupt?.();
        else queue.current.push(k);
      }
      setTick((t) => t + 1);
    };
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
      setRawMode(false);
    };
  }, [events, setRawMode, router]);

  // After each commit (every screen of this render has set its handler): hand out one key and render
  // again, so that the next key meets the state this one produced. Updates made in a layout effect render
  // synchronously, and React caps how many may nest, so every CHAIN keys the chain yields to the event
  // loop and resumes from a fresh update.
  useLayoutEffect(() => {
    if (paused || queue.current.length === 0) {
      chain.current = 0;
      return;
    }
    if (chain.current >= CHAIN) {
      chain.current = 0;
      setImmediate(() => setTick((t) => t + 1));
      return;
    }
    chain.current++;
    const { input, key } = queue.current.shift()!;
    router.current?.(input, key);
    setTick((t) => t + 1);
  });

  return createElement(RouterContext.Provider, { value: router }, children);
}

/**
 * Like Ink's useInput, but one key at a time, never a whole chunk, and always to the latest render's
 * handler. Under a KeyboardProvider (the game) the keys come from its queue; a screen rendered on its own
 * (component tests) reads the terminal itself.
 */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const router = useContext(RouterContext);
  const active = options.isActive !== false;
  if (router && active) router.current = handler;
  const latest = useRef(handler);
  latest.current = handler;
  const { internal_eventEmitter: events, setRawMode } = useStdin();
  const standalone = !router && active;
  useLayoutEffect(() => {
    if (!standalone) return undefined;
    setRawMode(true);
    const onInput = (chunk: string) => {
      for (const { input, key } of keysOf(chunk)) latest.current(input, key);
    };
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
      setRawMode(false);
    };
  }, [standalone, events, setRawMode]);
}

/** Ctrl-C's handler (the game asks before quitting). Only under a KeyboardProvider. */
export function useInterrupt(handler: () => void): void {
  const router = useContext(RouterContext);
  if (router) router.interrupt = handler;
}
