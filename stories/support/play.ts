import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { MockAdapter, MockMessage } from '../../src/adapters';

/**
 * Steps the `play` functions share. They act as a person would (labels, roles, typing) and read
 * codes from the mock adapter's sent messages, as a person reads them from the dev inbox.
 */

/** The canvas queries `play` functions use. */
export type Canvas = ReturnType<typeof within>;

/** Waits for the mock to have sent a message of `kind` beyond the first `after` ones; returns its code. */
export async function waitForCode(
  adapter: MockAdapter,
  kind: MockMessage['kind'],
  after = 0,
  timeout = 3000,
): Promise<string> {
  let code = '';
  await waitFor(
    () => {
      const sent = adapter.messages.filter((message) => message.kind === kind);
      const message = sent[after];
      expect(message, `a ${kind} message #${after + 1}`).toBeDefined();
      code = message?.code ?? '';
    },
    { timeout },
  );
  return code;
}

/** Types the emailed code into the gate and presses Verify. */
export async function passEmailGate(canvas: Canvas, adapter: MockAdapter): Promise<void> {
  const code = await waitForCode(adapter, 'email');
  const field = await canvas.findByLabelText(/email verification code/i);
  await userEvent.clear(field);
  await userEvent.type(field, code);
  await userEvent.click(canvas.getByRole('button', { name: /^verify$/i }));
}

/** Waits for the element to hold focus (focus moves to each new step's heading or first field). */
export async function expectFocusWithin(element: HTMLElement, timeout = 2000): Promise<void> {
  await waitFor(() => expect(element.contains(element.ownerDocument.activeElement)).toBe(true), { timeout });
}

/**
 * Text-query options that skip the components' live regions, which repeat an error or status
 * message for screen readers; the queries should find what is visibly on the step.
 */
export const VISIBLE = { ignore: 'script, style, [data-tfa-live-region], [data-tfa-live-region] *' };

/** Where `part` is drawn: the box of the first occurrence of that text inside `element`. */
function boxOf(element: HTMLElement, part: string): DOMRect {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const index = node.textContent?.indexOf(part) ?? -1;
    if (index === -1) continue;
    const range = element.ownerDocument.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + part.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${part}" is not in the element's text`);
}

/**
 * Checks that `parts` are drawn left to right, in this order, on one line: a phone number or a
 * recovery code must not be reordered by a right-to-left page.
 */
export function expectDrawnLeftToRight(element: HTMLElement, parts: readonly string[]): void {
  const boxes = parts.map((part) => boxOf(element, part));
  for (let index = 1; index < boxes.length; index += 1) {
    const [before, after] = [boxes[index - 1], boxes[index]];
    expect(after?.top, `"${parts[index]}" on the same line as "${parts[index - 1]}"`).toBe(before?.top);
    expect(after!.left, `"${parts[index]}" drawn right of "${parts[index - 1]}"`).toBeGreaterThan(before!.left);
  }
}
