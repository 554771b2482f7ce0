import metadata from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { createPhoneRules } from '../core/phone-rules';
import { formatExample } from './phone-support';
import type { PhoneSupport } from './phone-support';

function createFullPhoneSupport(): PhoneSupport {
  const rules = createPhoneRules(metadata);
  return {
    metadata,
    rules,
    entryRules: { parsePhoneNumber: rules.parsePhoneNumber },
    isReadyFor: () => true,
    loadFor: () => Promise.resolve(false),
    exampleFor: (country) => (country === undefined ? undefined : formatExample(examples[country], country, metadata)),
  };
}

/**
 * libphonenumber-js's whole `min` metadata: ready for every number, nothing to load. (Built by a
 * call marked pure, so that bundlers drop it, metadata and all, where it is not used.)
 */
export const FULL_PHONE_SUPPORT = /* @__PURE__ */ createFullPhoneSupport();
