import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { TwoFactorMessages } from './types';
import { MESSAGE_COUNT, enInitial } from './en-initial';

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

/** The copy the page's JS carries for English (see `enInitial`). */
export type InitialMessages = Pick<TwoFactorMessages, keyof typeof enInitial>;

/**
 * What the context resolves: the locale's copy under the overrides. For English that is the
 * page's part of the copy until a reader of the rest (`useMessages`) adds it.
 */
export type ResolvedMessages = InitialMessages & Partial<TwoFactorMessages>;

/** What the messages context carries. */
export interface MessagesContextValue {
  /** The resolved copy. */
  messages: ResolvedMessages;
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
// The languages loaded so far. English is not among them: `enInitial` ships with the page, and the
// rest of it comes with the code of the steps that show it (`useMessages` in ./messages).
const BUILT_IN: Record<string, TwoFactorMessages> = {};
const loading: Record<string, Promise<TwoFactorMessages>> = {};

/** The language subtag of a BCP 47 tag, lower-cased: `es-MX` → `es`. */
export function languageOf(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Loads a language's built-in copy (once); resolves with nothing for English or a language with none. */
export function loadLanguage(language: string): Promise<TwoFactorMessages | undefined> {
  const loaded = BUILT_IN[language];
  if (loaded !== undefined) return Promise.resolve(loaded);
  const load = LOADERS[language];
  if (load === undefined) return Promise.resolve(undefined);
  return (loading[language] ??= load().then(
    (messages) => (BUILT_IN[language] = messages),
    (error: unknown) => {
      // A failed load (offline) is tried again next time; until then the copy stays English.
      delete loading[language];
      throw error;
    },
  ));
}

/**
 * Whether an override names every message, so no built-in copy is needed under it: every message
 * the page shows, and as many messages as English has (the names of the rest come with the steps
 * that show them; an override holds no names other than messages').
 */
export function isComplete(overrides: TwoFactorMessagesOverrides | undefined): boolean {
  if (overrides === undefined) return false;
  const defined = (key: string) => (overrides as Record<string, unknown>)[key] !== undefined;
  return Object.keys(overrides).filter(defined).length >= MESSAGE_COUNT && Object.keys(enInitial).every(defined);
}

const DEFAULT_VALUE: MessagesContextValue = { messages: enInitial, locale: 'en' };

const MessagesContext = createContext<MessagesContextValue>(DEFAULT_VALUE);

/** The built-in copy of a language, once loaded (see {@link loadLanguage}); English is never here. */
export function loadedLanguage(language: string): TwoFactorMessages | undefined {
  return BUILT_IN[language];
}

/** Applies a partial override to a full set of messages. */
export function mergeMessages<M extends ResolvedMessages>(base: M, overrides?: TwoFactorMessagesOverrides): M {
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
  } as M;
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
  const needsBuiltIn = locale !== undefined && BUILT_IN[languageOf(locale)] === undefined && !isComplete(messages);
  // Bumped when the built-in copy this provider waits for has arrived.
  const [loadedCount, setLoadedCount] = useState(0);
  useEffect(() => {
    if (!needsBuiltIn || locale === undefined) return;
    let current = true;
    loadLanguage(languageOf(locale)).then(
      (loaded) => {
        if (current && loaded !== undefined) setLoadedCount((count) => count + 1);
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
    return { locale, messages: mergeMessages<ResolvedMessages>(BUILT_IN[languageOf(locale)] ?? enInitial, messages) };
    // `loadedCount` changes what BUILT_IN holds.
  }, [parent, locale, messages, loadedCount]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

/**
 * The page's part of the copy for the nearest `MessagesProvider` (see `enInitial`): what the email
 * gate and the wizard read, without bringing the rest of the English copy into the page's JS.
 */
export function useInitialMessages(): InitialMessages {
  return useContext(MessagesContext).messages;
}

/** The copy for the nearest `MessagesProvider` as resolved, for `useMessages` (./messages) to complete. */
export function useResolvedMessages(): ResolvedMessages {
  return useContext(MessagesContext).messages;
}

/** The locale of the nearest `MessagesProvider`, or `'en'` without one. */
export function useLocale(): string {
  return useContext(MessagesContext).locale;
}
