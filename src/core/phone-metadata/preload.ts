import { CALLING_CODE_REGIONS } from './calling-codes';
import { CALLING_CODE_LOADERS } from './loaders';
import type { CallingCodeMetadata, CallingCodeModule } from './types';

// Data only, no libphonenumber-js: the wizard loads this while the user is on the step before
// phone entry, in parallel with the step's own code, so the default country's metadata does not
// wait for the phone library to arrive first.

const loads = new Map<string, Promise<CallingCodeMetadata>>();

/** Loads one calling code's metadata, once (a failed load is tried again on the next call). */
export function loadCallingCode(code: string): Promise<CallingCodeMetadata> {
  let load = loads.get(code);
  if (load === undefined) {
    // The loaders are in the calling codes' order (both ascending: integer-like keys are listed so).
    const loader = CALLING_CODE_LOADERS[Object.keys(CALLING_CODE_REGIONS).indexOf(code)];
    load = loader === undefined ? Promise.reject(new Error(`unknown calling code ${code}`)) : loader().then(unwrap);
    load.catch(() => loads.delete(code));
    loads.set(code, load);
  }
  return load;
}

/** Starts loading a country's metadata (`'DE'`: calling code 49); unknown countries load nothing. */
export function preloadCountry(country: string | undefined): void {
  const upper = country?.toUpperCase();
  if (upper === undefined) return;
  const code = Object.keys(CALLING_CODE_REGIONS).find((candidate) => CALLING_CODE_REGIONS[candidate]?.includes(upper));
  if (code !== undefined) loadCallingCode(code).catch(() => undefined);
}

/** The metadata itself, out of its module (see {@link CallingCodeModule}). */
function unwrap(part: CallingCodeMetadata | CallingCodeModule): CallingCodeMetadata {
  return 'countries' in part ? part : unwrap(part.default);
}
