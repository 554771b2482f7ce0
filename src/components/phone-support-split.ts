import { normalizePhoneInput } from '../core/phone-rules';
import { phoneMetadata, phoneRules } from '../core/phone-metadata';
import { formatExample } from './phone-support';
import type { PhoneSupport } from './phone-support';

function createSplitPhoneSupport(): PhoneSupport {
  return {
    metadata: phoneMetadata.metadata,
    rules: phoneRules,
    entryRules: {
      parsePhoneNumber: phoneRules.parsePhoneNumber,
      prepare: (raw, country) => phoneMetadata.loadFor(normalizePhoneInput(raw), country),
    },
    isReadyFor: (text, country) => phoneMetadata.isReadyFor(normalizePhoneInput(text), country),
    loadFor: (text, country) => phoneMetadata.loadFor(normalizePhoneInput(text), country),
    exampleFor: (country) =>
      country === undefined ? undefined : formatExample(phoneMetadata.exampleOf(country), country, phoneMetadata.metadata),
  };
}

/** The metadata loaded by calling code as numbers need it (the wizard's phone step). */
export const SPLIT_PHONE_SUPPORT = /* @__PURE__ */ createSplitPhoneSupport();
