import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * The open reset dialog, once it takes clicks. Radix sets `pointer-events: none` on <body> as the
 * modal opens and turns pointer events back on for the dialog a render later, from an effect;
 * under load user-event could land in between and refuse the click ("pointer-events: none"),
 * faster than any person clicks. Optionally scoped to a container.
 */
export async function findAlertDialog(container?: HTMLElement): Promise<HTMLElement> {
  const dialog = await (container ? within(container) : screen).findByRole('alertdialog');
  await waitFor(() => expect(getComputedStyle(dialog).pointerEvents).toBe('auto'));
  return dialog;
}
