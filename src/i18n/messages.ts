import { useMemo } from 'react';
import type { TwoFactorMessages } from './types';
import { languageOf, loadLanguage, loadedLanguage, useResolvedMessages } from './context';
import type { ResolvedMessages } from './context';
import { en } from './en';

// The readers of the whole copy, apart from ./context: the page's JS (the email gate and the wizard)
// reads only the part of the English copy it ships with (`useInitialMessages`), and this module,
// with the rest of English, comes with the steps after the gate (issue 14).

/** The copy for the nearest `MessagesProvider`, or English without one. */
export function useMessages(): TwoFactorMessages {
  const messages = useResolvedMessages();
  return useMemo(() => withEnglish(messages), [messages]);
}

/** Fills in the English messages that a copy resolved over `enInitial` does not have. */
function withEnglish(messages: ResolvedMessages): TwoFactorMessages {
  return { ...en, ...messages, phoneErrors: { ...en.phoneErrors, ...messages.phoneErrors } };
}

/**
 * Loads the built-in copy of a locale's language (once) and resolves with it; English, or a
 * language with no built-in copy, resolves with English.
 */
export function loadBuiltInMessages(locale: string): Promise<TwoFactorMessages> {
  return loadLanguage(languageOf(locale)).then((loaded) => loaded ?? en);
}

/**
 * The built-in copy for a locale's language (`es-MX` → Spanish) once loaded (see
 * {@link loadBuiltInMessages}), English until then or when there is none.
 */
export function getBuiltInMessages(locale: string): TwoFactorMessages {
  return loadedLanguage(languageOf(locale)) ?? en;
}
