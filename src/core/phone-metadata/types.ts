/** One calling code's share of libphonenumber-js's `min` metadata, as the generator writes it. */
export interface CallingCodeMetadata {
  /** The regions of the calling code, each exactly as in `metadata.min.json`. */
  countries: Record<string, unknown>;
  /** The non-geographic entity of the calling code (`+800`…), when it is one. */
  nonGeographic?: Record<string, unknown>;
  /** An example mobile number of each region, national digits (libphonenumber-js's examples). */
  examples?: Record<string, string>;
}

/**
 * What `import()` of a calling code's module resolves with: the module, whose `default` is the
 * metadata, or (`import()` of the CommonJS build, dist/phone-metadata/*.cjs, in Node) once more
 * wrapped in `default`.
 */
export interface CallingCodeModule {
  default: CallingCodeMetadata | CallingCodeModule;
}

/** One calling code's metadata loader (see {@link CallingCodeModule}). */
export type CallingCodeLoader = () => Promise<CallingCodeModule>;

/**
 * What `import()` of a first digit's loaders resolves with: the module, whose `default` is the
 * loaders of the calling codes that start with that digit, in ascending order (or, from the
 * CommonJS build in Node, once more wrapped in `default`).
 */
export interface CallingCodeLoadersModule {
  default: readonly CallingCodeLoader[] | CallingCodeLoadersModule;
}
