import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { TwoFactorMessages } from './types';
import { en } from './en';
import { es } from './es';
import { de } from './de';

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

const BUILT_IN: Readonly<Record<string, TwoFactorMessages>> = { en, es, de };

const DEFAULT_VALUE: MessagesContextValue = { messages: en, locale: 'en' };

const MessagesContext = createContext<MessagesContextValue>(DEFAULT_VALUE);

/** The built-in copy for a locale's language (`es-MX` → Spanish), English when there is none. */
export function getBuiltInMessages(locale: string): TwoFactorMessages {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return BUILT_IN[language] ?? en;
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
   * Inherits the enclosing provider's locale (and its overrides) when omitted. @default 'en'
   */
  locale?: string;
  /** Partial copy override, applied on top of the locale's copy. */
  messages?: TwoFactorMessagesOverrides;
  children?: ReactNode;
}

/** Supplies copy and locale to the styled components below it. Renders no markup. */
export function MessagesProvider({ locale, messages, children }: MessagesProviderProps) {
  const parent = useContext(MessagesContext);
  const value = useMemo<MessagesContextValue>(() => {
    if (locale === undefined) return { locale: parent.locale, messages: mergeMessages(parent.messages, messages) };
    return { locale, messages: mergeMessages(getBuiltInMessages(locale), messages) };
  }, [parent, locale, messages]);
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
