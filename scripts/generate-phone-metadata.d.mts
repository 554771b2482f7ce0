/** path → contents of the generated phone metadata files. */
export function generatedFiles(): Map<string, string>;
/** Writes the generated files (or, with `check`, only compares); returns the paths that differ. */
export function writeGeneratedFiles(options?: { check?: boolean }): string[];
