import axe from 'axe-core';
import { composeStory, setProjectAnnotations } from '@storybook/react-vite';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { afterAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import preview from '../../.storybook/preview';
import { contrastFailures } from '../contrast';

/**
 * Screenshot of every story at 390 px (a phone) and 1280 px (a laptop), light and dark, compared
 * with the committed baselines in `__screenshots__/` (issue 13). Each story renders once per theme
 * (its play function included, so error and pending states are what the story shows) and is
 * captured at both widths. In the dark theme every story is also checked for text contrast (WCAG
 * 2.2 AA): axe's colour-contrast rule, and our own check that also covers the unavailable
 * (`aria-disabled`) buttons axe skips. (The storybook project runs all of axe in the light theme.)
 *
 * Update the baselines after an intended visual change (and after adding a story):
 *   npm run test:screenshots -- --update
 * A failure names the story, the width and the theme, and Vitest prints the paths of the
 * reference, the actual screenshot and the diff.
 *
 * Deterministic rendering: the system font stack of the stylesheet (no web font), animations,
 * transitions and the caret off, fixed data in the stories (fixed codes, masked email and numbers),
 * and the text of countdowns hidden while capturing (it depends on how long the play function
 * took; their boxes are still compared).
 */

setProjectAnnotations([preview]);

type StoryModule = Record<string, unknown> & { default: Meta };

// Every story file, so a new story is captured without editing this test.
const modules = import.meta.glob<StoryModule>('../../stories/**/*.stories.tsx', { eager: true });

const WIDTHS = [390, 1280] as const;
const HEIGHT = { 390: 844, 1280: 800 } as const;
/** Tallest capture; the browser window (vitest.config.ts) is taller, so the frame is never scaled. */
const MAX_HEIGHT = 2400;
const THEMES = ['light', 'dark'] as const;

/** Text whose value depends on elapsed time: hidden while capturing, its box still compared. */
const TIME_DEPENDENT = '.tfa-countdown, .tfa-retry[data-state="waiting"], [data-tfa-countdown]';
const CAPTURING = 'tfa-screenshot-capturing';

const FREEZE_STYLE = `
*, *::before, *::after {
  animation-duration: 0s !important;
  animation-delay: 0s !important;
  animation-iteration-count: 1 !important;
  transition: none !important;
  caret-color: transparent !important;
}
:is(${TIME_DEPENDENT}):where(.${CAPTURING} *) {
  color: transparent !important;
}`;

const style = document.createElement('style');
style.textContent = FREEZE_STYLE;
document.head.append(style);
afterAll(() => style.remove());

/** Stories to capture: `[title, exportName, story, meta]`, sorted so the order never changes. */
function collectStories(): Array<[string, string, StoryObj, Meta]> {
  const stories: Array<[string, string, StoryObj, Meta]> = [];
  for (const path of Object.keys(modules).sort()) {
    const module = modules[path];
    if (!module) continue;
    const meta = module.default;
    const order = (module.__namedExportsOrder as string[] | undefined) ?? Object.keys(module);
    for (const name of order) {
      if (name === 'default' || name.startsWith('__')) continue;
      const story = module[name];
      if (typeof story !== 'object' && typeof story !== 'function') continue;
      const title = meta.title ?? path;
      stories.push([title, name, story as StoryObj, meta]);
    }
  }
  return stories;
}

/** A file name from a story's title and export: `steps-codeinput--default`. */
function slug(title: string, name: string): string {
  const clean = (text: string) =>
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${clean(title)}--${clean(name)}`;
}

for (const [title, name, story, meta] of collectStories()) {
  describe(`${title} / ${name}`, () => {
    for (const theme of THEMES) {
      const checksContrast = theme === 'dark';
      const goal = checksContrast ? ', and its text meets AA contrast' : '';
      it(`matches its baselines at ${WIDTHS.join(' and ')} px, ${theme}${goal}`, async () => {
        await page.viewport(WIDTHS[1], HEIGHT[WIDTHS[1]]);
        const composed = composeStory(story, meta, { initialGlobals: { theme } }, name);
        const canvasElement = document.createElement('div');
        document.body.append(canvasElement);
        try {
          await composed.run({ canvasElement });
          if (checksContrast) {
            // The whole body: dialogs are portalled out of the canvas.
            const results = await axe.run(document.body, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
            const axeFailures = results.violations.flatMap((violation) =>
              violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`),
            );
            expect.soft(axeFailures, `${title} / ${name}: axe colour contrast, dark theme`).toEqual([]);
            expect.soft(contrastFailures(document.body), `${title} / ${name}: text contrast, dark theme`).toEqual([]);
          }
          document.documentElement.classList.add(CAPTURING);
          for (const width of WIDTHS) {
            // The device's height, or taller when the story is: the frame cannot be captured past
            // its own viewport, so a long page grows the viewport rather than being cut off.
            await page.viewport(width, HEIGHT[width]);
            const contentHeight = Math.min(document.documentElement.scrollHeight, MAX_HEIGHT);
            if (contentHeight > HEIGHT[width]) await page.viewport(width, contentHeight);
            window.scrollTo(0, 0);
            const screenshot = `${slug(title, name)}--${width}-${theme}`;
            await expect
              .soft(page.elementLocator(document.body), `${title} / ${name} at ${width} px, ${theme} theme`)
              .toMatchScreenshot(screenshot, {
                screenshotOptions: { animations: 'disabled', caret: 'hide' },
              });
          }
        } finally {
          document.documentElement.classList.remove(CAPTURING);
          canvasElement.remove();
        }
      });
    }
  });
}
