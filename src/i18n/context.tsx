import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { TwoFactorMessages } from './types';
import { en } from './en';

/**
 * A partial copy override. `errors` and `phoneErrors` merge key by key, so a host can reword one
 * error without restating the rest.
 */
export type TwoFactorMessagesOverrides = Partial<Omit<TwoFactorMessages, 'errors' | 'phoneErrors'>> & {
  /** Overrides for some adapter failures. */
  errors?: Partial<TwoFactorMessages['errors']>;
  /** Overrides for some phone validation messages. */
  phoneErrors?: Partial<TwoFactorMessages['phoneErrors']>;
};

/** What the messages context carries. */
export interface MessagesContextValue {
  /** The resolved copy. */
  messages: TwoFactorMessages;
  /** BCP 47 tag used for the copy and for country names (`Intl.DisplayNames`). */
  locale: string;
}

// Only English ships with the page. The other built-in languages are chunks of their own, loaded
// when a `locale` asks for one and no complete copy was passed in; hosts that want no English
// first pass the copy from its subpath (`import { es } from 'react-2fa-phone/locales/es'`).
const LOADERS: Readonly<Record<string, () => Promise<TwoFactorMessages>>> = {
  es: () => import('./es').then((module) => module.es),
  de: () => import('./de').then((module) => module.de),
};
const BUILT_IN: Record<string, TwoFactorMessages> = { en };
const loading: Record<string, Promise<TwoFactorMessages>> = {};

/** The language subtag of a BCP 47 tag, lower-cased: `es-MX` → `es`. */
function languageOf(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Loads the built-in copy of a locale's language (once) and resolves with it; English, or a
 * language with no built-in copy, resolves with English.
 */
export function loadBuiltInMessages(locale: string): Promise<TwoFactorMessages> {
  const language = languageOf(locale);
  const loaded = BUILT_IN[language];
  if (loaded !== undefined) return Promise.resolve(loaded);
  const load = LOADERS[language];
  if (load === undefined) return Promise.resolve(en);
  return (loading[language] ??= load().then(
    (messages) => (BUILT_IN[language] = messages),
    (error: unknown) => {
      // A failed load (offline) is tried again next time; until then the copy stays English.
      delete loading[language];
      throw error;
    },
  ));
}

/** Whether an override names every message, so no built-in copy is needed under it. */
function isComplete(overrides: TwoFactorMessagesOverrides | undefined): boolean {
  return overrides !== undefined && Object.keys(en).every((key) => (overrides as Record<string, unknown>)[key] !== undefined);
}

const DEFAULT_VALUE: MessagesContextValue = { messages: en, locale: 'en' };

const MessagesContext = createContext<MessagesContextValue>(DEFAULT_VALUE);

/**
 * The built-in copy for a locale's language (`es-MX` → Spanish) once loaded (see
 * {@link loadBuiltInMessages}), English until then or when there is none.
 */
export function getBuiltInMessages(locale: string): TwoFactorMessages {
  return BUILT_IN[languageOf(locale)] ?? en;
}

/** Applies a partial override to a full set of messages. */
export function mergeMessages(base: TwoFactorMessages, overrides?: TwoFactorMessagesOverrides): TwoFactorMessages {
  if (!overrides) return base;
  const { errors, phoneErrors, ...rest } = overrides;
  // Skip keys explicitly set to undefined so an override object built from optional props cannot
  // blank out a message.
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return {
    ...base,
    ...(defined as Partial<TwoFactorMessages>),
    errors: { ...base.errors, ...errors },
    phoneErrors: { ...base.phoneErrors, ...phoneErrors },
  };
}

export interface MessagesProviderProps {
  /**
   * BCP 47 locale. Picks the built-in copy for its language and names countries in it.
   * Inherits the enclosing provider's locale (and its overrides) when omitted. Spanish and German
   * load on demand (English shows until they arrive); pass the copy from
   * `react-2fa-phone/locales/es` (or `/de`) as `messages` to have it from the first render.
   * @default 'en'
   */
  locale?: string;
  /** Partial copy override, applied on top of the locale's copy. */
  messages?: TwoFactorMessagesOverrides;
  children?: ReactNode;
}

/** Supplies copy and locale to the styled components below it. Renders no markup. */
export function MessagesProvider({ locale, messages, children }: MessagesProviderProps) {
  const parent = useContext(MessagesContext);
  const needsBuiltIn = locale !== undefined && getBuiltInMessages(locale) === en && !isComplete(messages);
  // Bumped when the built-in copy this provider waits for has arrived.
  const [loadedCount, setLoadedCount] = useState(0);
  useEffect(() => {
    if (!needsBuiltIn || locale === undefined) return;
    let current = true;
    loadBuiltInMessages(locale).then(
      (loaded) => {
        if (current && loaded !== en) setLoadedCount((count) => count + 1);
      },
      () => {
        // Offline: the copy stays English.
      },
    );
    return () => {
      current = false;
    };
  }, [needsBuiltIn, locale]);
  const value = useMemo<MessagesContextValue>(() => {
    if (locale === undefined) return { locale: parent.locale, messages: mergeMessages(parent.messages, messages) };
    return { locale, messages: mergeMessages(getBuiltInMessages(locale), messages) };
    // `loadedCount` changes what getBuiltInMessages returns.
  }, [parent, locale, messages, loadedCount]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

/** The copy for the nearest `MessagesProvider`, or English without one. */
export function useMessages(): TwoFactorMessages {
  return useContext(MessagesContext).messages;
}

/** The locale of the nearest `MessagesProvider`, or `'en'` without one. */
export function useLocale(): string {
  return useContext(MessagesContext).locale;
}
