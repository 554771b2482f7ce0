/**
 * The package index's bindings for the whole English copy and `useMessages`, which reads it. The
 * page's JS carries only the part of the English copy that the email gate and the wizard show
 * (src/i18n/en-initial.ts); the rest comes with the steps after the gate. Same values, same
 * names; only the path differs.
 *
 * Like ./deferred-exports (which explains the bindings made by a pure call), an entry of its own
 * that the index imports at run time, so that none of this is in the page's JS unless a host uses
 * it; and a file of its own, so that a host using the copy gets the copy alone, not every step
 * ./deferred-exports binds (nor ./deferred-locales).
 */
import { en as englishMessages } from './i18n/en';

/** Returns its argument; called with a pure annotation so an unused binding is dropped. */
function same<T>(value: T): T {
  return value;
}

/** English copy (the default): the product wording. */
export const en = /* @__PURE__ */ same(englishMessages);

// A function, as it always was: a module of its own that only this file exports, since the steps
// read the copy through ./i18n/messages (see ./i18n/public-use-messages.ts).
export { useMessages } from './i18n/public-use-messages';
