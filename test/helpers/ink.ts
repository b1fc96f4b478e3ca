/**
 * Rendering screens in tests without sleeps: every render and every key press runs inside React's act(),
 * which returns only once React has rendered the update, written the frame and run the effects, so the
 * screen's input handler already sees the new state when the next key arrives. The screens do no
 * asynchronous work, so each frame is final when act resolves; nothing depends on time.
 */
import { render as inkRender } from 'ink-testing-library';
import { act, type ReactElement } from 'react';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export function render(tree: ReactElement): ReturnType<typeof inkRender> {
  let r: ReturnType<typeof inkRender> | undefined;
  act(() => {
    r = inkRender(tree);
  });
  return r!;
}

/** Writes each argument as one chunk from the terminal (a chunk may hold many keys: a paste). */
export async function press(stdin: { write(s: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    await act(async () => {
      stdin.write(k);
      // A lone Esc could start an escape sequence, so Ink delivers it from a setImmediate; this one was
      // queued after it and lets it run inside act (an event-loop turn, not a delay).
      await new Promise((r) => setImmediate(r));
    });
  }
}

/**
 * Gives a rendered app's terminal a size (ink-testing-library's reports 100 columns) and tells the app,
 * as a terminal's resize would: the game reads its size through useDimensions.
 */
export function resize(view: ReturnType<typeof inkRender>, cols: number, rows: number): void {
  act(() => {
    Object.defineProperty(view.stdout, 'columns', { value: cols, configurable: true });
    Object.defineProperty(view.stdout, 'rows', { value: rows, configurable: true });
    view.stdout.emit('resize');
  });
}
