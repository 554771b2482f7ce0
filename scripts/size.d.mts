import type { Metafile } from 'esbuild';

/**
 * `start` and every chunk it imports statically, transitively, added to `into`: what loads
 * before `start` runs (see size.mjs). The declarations cover what TypeScript code imports.
 */
export declare function staticClosure(outputs: Metafile['outputs'], start: string, into?: Set<string>): Set<string>;
