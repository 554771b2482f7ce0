import { createPhoneRules } from '../phone-rules';
import { loadCallingCode } from './preload';
import { createPhoneMetadataStore } from './store';
import type { PhoneMetadataStore } from './store';

export { ALL_COUNTRIES, CALLING_CODE_REGIONS, callingCodeOfCountry, callingCodesFor, createPhoneMetadataStore } from './store';
export type { PhoneMetadataStore } from './store';
export type { CallingCodeMetadata } from './types';

/**
 * The metadata the styled phone step reads: one store for the page, filled by calling code as
 * numbers need it (the default country's is loaded with the step itself).
 */
export const phoneMetadata = /* @__PURE__ */ createPhoneMetadataStore(loadCallingCode);

/** The phone rules over {@link phoneMetadata}: right for every calling code loaded so far. */
export const phoneRules = /* @__PURE__ */ createPhoneRules(/* @__PURE__ */ metadataOf(phoneMetadata));

function metadataOf(store: { metadata: PhoneMetadataStore['metadata'] }): PhoneMetadataStore['metadata'] {
  return store.metadata;
}
