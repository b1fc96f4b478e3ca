/**
 * The browser helper works on a machine with only Node and npm: with Debian's chromium out of the way, the
 * Chromium inside the @sparticuz/chromium devDependency launches and renders; with no browser at all, the
 * error says what was tried and how to fix it.
 */
import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const NOWHERE = '/nonexistent/brink-test/chromium';

describe('launchBrowser', () => {
  it("falls back to the npm package's Chromium when Debian's is missing, and it renders a page", async () => {
    const browser = await launchBrowser({ systemPath: NOWHERE });
    try {
      const page = await browser.newPage();
      await page.setContent('<svg width="200" height="100"><rect width="50" height="20"/><text y="50">Brink</text></svg>');
      const box = (await page.evaluate(`(() => {
        const r = document.querySelector('rect').getBBox();
        const t = document.querySelector('text').getBBox();
        return { rect: r.width, text: t.width };
      })()`)) as { rect: number; text: number };
      expect(box.rect).toBe(50);
      expect(box.text).toBeGreaterThan(0); // a font was found to lay out the text
    } finally {
      await browser.close();
    }
  });

  it('when no browser can start, says what it tried and how to fix it', async () => {
    const err = await launchBrowser({ systemPath: NOWHERE, npmPackage: '@brink-test/no-such-chromium' }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain('No headless Chromium could be launched');
    expect(err?.message).toContain(`no ${NOWHERE}`);
    expect(err?.message).toContain('@brink-test/no-such-chromium is not installed');
    expect(err?.message).toContain('npm ci');
  });
});
