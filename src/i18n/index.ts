export type { TwoFactorMessages } from './types';
export { en } from './en';
export { es } from './es';
export { de } from './de';
export { formatClock } from './format';
export { MessagesProvider, useMessages, useLocale, getBuiltInMessages, loadBuiltInMessages, mergeMessages } from './context';
export type { MessagesProviderProps, MessagesContextValue, TwoFactorMessagesOverrides } from './context';
