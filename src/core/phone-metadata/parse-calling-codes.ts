/**
 * Reads the calling-code table as scripts/generate-phone-metadata.mjs writes it: each calling code
 * followed by its two-letter regions, codes apart by a space (`'1USCA 7RUKZ 800'`); a code with
 * no region is non-geographic, region `001` as libphonenumber-js names it.
 */
export function parseCallingCodes(table: string): Record<string, readonly string[]> {
  const regionsOf: Record<string, readonly string[]> = {};
  for (const entry of table.split(' ')) {
    const code = /^\d+/.exec(entry)?.[0] ?? '';
    regionsOf[code] = entry.slice(code.length).match(/../g) ?? ['001'];
  }
  return regionsOf;
}
