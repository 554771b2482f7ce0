export type { TwoFactorMessages } from './types';
export { en } from './en';
export { es } from './es';
export { de } from './de';
export { formatClock } from './format';
export { MessagesProvider, useLocale, mergeMessages } from './context';
export { useMessages, getBuiltInMessages, loadBuiltInMessages } from './messages';
export type { MessagesProviderProps, MessagesContextValue, TwoFactorMessagesOverrides } from './context';
