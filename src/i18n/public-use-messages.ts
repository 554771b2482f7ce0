import type { TwoFactorMessages } from './types';
import { useMessages as useCopy } from './messages';

// The package index's `useMessages`: the same hook, in a module that only the index exports
// (through ../deferred-copy). The steps read the copy through ./messages, and a module that the
// index re-exported and the steps used would bring the whole English copy into the page's JS
// (see ../deferred-exports.ts for why); this one stays out of every host that does not call it.

/** The copy for the nearest `MessagesProvider`, or English without one. */
export function useMessages(): TwoFactorMessages {
  return useCopy();
}
