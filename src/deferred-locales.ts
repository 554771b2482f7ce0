/**
 * The package index's bindings for the Spanish and German copy (also their own subpaths,
 * `react-2fa-phone/locales/es` and `/de`). Like ./deferred-exports (which explains the bindings
 * made by a pure call), an entry of its own that the index imports at run time, so that neither
 * is in the page's JS unless a host uses it; and a file of its own, so that a host using one gets
 * the copy, not every step ./deferred-exports binds.
 */
import { de as germanMessages } from './i18n/de';
import { es as spanishMessages } from './i18n/es';

/** Returns its argument; called with a pure annotation so an unused binding is dropped. */
function same<T>(value: T): T {
  return value;
}

/** The Spanish copy (also `react-2fa-phone/locales/es`). */
export const es = /* @__PURE__ */ same(spanishMessages);
/** The German copy (also `react-2fa-phone/locales/de`). */
export const de = /* @__PURE__ */ same(germanMessages);
