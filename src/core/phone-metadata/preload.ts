import { CALLING_CODE_REGIONS } from './calling-codes';
import { FIRST_DIGIT_LOADERS } from './loaders';
import type { CallingCodeLoader, CallingCodeLoadersModule, CallingCodeMetadata, CallingCodeModule } from './types';

// Data only, no libphonenumber-js: the wizard's flow imports this (it comes with the 2FA section)
// and starts the default country's metadata on the step before phone entry, in parallel with the
// step's own code, so the metadata does not wait for the phone library to arrive first.

const loads = new Map<string, Promise<unknown>>();

/** Runs `start` once per `key`; a failed load is tried again on the next call (offline, a removed chunk). */
function once<T>(key: string, start: () => Promise<T>): Promise<T> {
  let load = loads.get(key) as Promise<T> | undefined;
  if (load === undefined) {
    load = start();
    load.catch(() => loads.delete(key));
    loads.set(key, load);
  }
  return load;
}

/**
 * Loads one calling code's metadata, once: first the loaders of the calling codes that share its
 * first digit (a small chunk, once per digit), then its own chunk.
 */
export function loadCallingCode(code: string): Promise<CallingCodeMetadata> {
  const digit = code.charAt(0);
  // Each digit's loaders are in its calling codes' order (ascending: integer-like keys are listed so).
  const index = Object.keys(CALLING_CODE_REGIONS)
    .filter((candidate) => candidate.charAt(0) === digit)
    .indexOf(code);
  const loadLoaders = FIRST_DIGIT_LOADERS[Number(digit) - 1];
  if (index < 0 || loadLoaders === undefined) return Promise.reject(new Error(`unknown calling code ${code}`));
  return once(code, () =>
    once(`loaders ${digit}`, () => loadLoaders().then(unwrapLoaders)).then((loaders) =>
      (loaders[index] as CallingCodeLoader)().then(unwrapMetadata),
    ),
  );
}

/** Starts loading a country's metadata (`'DE'`: calling code 49); unknown countries load nothing. */
export function preloadCountry(country: string | undefined): void {
  const upper = country?.toUpperCase();
  if (upper === undefined) return;
  const code = Object.keys(CALLING_CODE_REGIONS).find((candidate) => CALLING_CODE_REGIONS[candidate]?.includes(upper));
  if (code !== undefined) loadCallingCode(code).catch(() => undefined);
}

/** The metadata itself, out of its module (see `CallingCodeModule`). */
function unwrapMetadata(part: CallingCodeMetadata | CallingCodeModule): CallingCodeMetadata {
  return 'countries' in part ? part : unwrapMetadata(part.default);
}

/** The loaders themselves, out of their module (see `CallingCodeLoadersModule`). */
function unwrapLoaders(part: readonly CallingCodeLoader[] | CallingCodeLoadersModule): readonly CallingCodeLoader[] {
  return Array.isArray(part) ? part : unwrapLoaders((part as CallingCodeLoadersModule).default);
}
