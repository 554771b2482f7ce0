import { StrictMode } from 'react';
import type { Decorator, Loader } from '@storybook/react-vite';
import { MessagesProvider } from '../../src/i18n';
import { loadBuiltInMessages } from '../../src/i18n/messages';
import { phoneMetadata } from '../../src/core/phone-metadata';
import { createStoryAdapter, isMockAdapter } from './mock';
import type { MockAdapterParameters } from './mock';
import './support.css';

/** The Theme toolbar's values (set as `data-theme` on the wrapper). */
export type StoryTheme = 'light' | 'dark';
/** The Direction toolbar's values (set as `dir` on the wrapper). */
export type StoryDirection = 'ltr' | 'rtl';
/** The Locale toolbar's values (the built-in languages). */
export type StoryLocale = 'en' | 'es' | 'de';

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The toolbar's globals, narrowed (a URL can carry anything). */
export function readGlobals(globals: Record<string, unknown>): {
  theme: StoryTheme;
  direction: StoryDirection;
  locale: StoryLocale;
} {
  return {
    theme: pick(globals.theme, ['light', 'dark'] as const, 'light'),
    direction: pick(globals.direction, ['ltr', 'rtl'] as const, 'ltr'),
    locale: pick(globals.locale, ['en', 'es', 'de'] as const, 'en'),
  };
}

/**
 * Makes a fresh mock adapter for every render of a story that asks for one with
 * `parameters.mockAdapter`, so no story inherits another's state (and the docs page and the canvas
 * do not share one).
 */
export const mockAdapterLoader: Loader = async (context) => {
  const parameters = context.parameters as MockAdapterParameters;
  if (!parameters.mockAdapter) return {};
  const adapter = createStoryAdapter(parameters.mockAdapter);
  await parameters.mockSetup?.(adapter);
  return { adapter };
};

/**
 * Loads what a host page would have before the story renders: the built-in copy of the story's
 * locale (a chunk of its own) and the phone metadata of the number it shows (the wizard has it
 * from phone entry), so stories render their final text at once.
 */
export const builtInCopyLoader: Loader = async (context) => {
  const args = context.args as { locale?: unknown; phoneNumber?: unknown };
  const locale = typeof args.locale === 'string' ? args.locale : context.globals.locale;
  if (typeof locale === 'string') await loadBuiltInMessages(locale);
  if (typeof args.phoneNumber === 'string') await phoneMetadata.loadFor(args.phoneNumber, undefined);
  return {};
};

/** Hands the loader's fresh adapter to the story as its `adapter` arg. */
export const withMockAdapter: Decorator = (Story, context) => {
  const adapter: unknown = context.loaded.adapter;
  if (!isMockAdapter(adapter)) return <Story />;
  return <Story args={{ ...context.args, adapter }} />;
};

/**
 * Every story runs in StrictMode (in the browser and in story tests), which mounts components
 * twice in development: the components promise to send each request once regardless.
 */
export const withStrictMode: Decorator = (Story) => (
  <StrictMode>
    <Story />
  </StrictMode>
);

/**
 * Theme, direction and locale from the toolbar. Theme and direction go on a wrapper (the
 * components' tokens are scoped to their own root, so `data-theme` and `dir` are inherited from the
 * host's markup, as in a real app); the locale goes through `MessagesProvider`, which every styled
 * component inherits unless given its own `locale`.
 */
export const withThemeDirectionLocale: Decorator = (Story, context) => {
  const { theme, direction, locale } = readGlobals(context.globals);
  // On the canvas the wrapper fills the frame, so a dark theme has no white margins; on a docs
  // page it only wraps its story.
  const className = context.viewMode === 'story' ? 'sb-theme-root sb-theme-root--canvas' : 'sb-theme-root';
  return (
    <div className={className} data-theme={theme} dir={direction} lang={locale}>
      <MessagesProvider locale={locale}>
        <Story />
      </MessagesProvider>
    </div>
  );
};
