/** Joins class names, skipping empty ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * A boolean as a `data-*` attribute value: present (`"true"`) when set, absent otherwise, so
 * `[data-pending]` selectors work without comparing values.
 */
export function dataFlag(value: boolean): 'true' | undefined {
  return value ? 'true' : undefined;
}
