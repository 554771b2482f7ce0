import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { RecoveryCodeStep } from '../src';
import '../src/styles.css';

/**
 * The recovery code on screen is exactly the adapter's string (issue 13), in real Chromium layout:
 * a manual selection, Copy and Download all give that string; grouping is only CSS; no group
 * breaks across lines in a 320 px column.
 */

const CODES = ['RCV7-QK2M-9XD4-PLT8', 'K7QF29XMHP4DWN3R', 'abcd efgh ijkl mnop'];

function codeElement(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-tfa-recovery-code]');
  if (!element) throw new Error('No recovery code on screen');
  return element;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the recovery code as shown (Chromium)', () => {
  it.each(CODES)('selecting %j by hand gives exactly that string, on one line per group at 320 px', async (code) => {
    await render(
      <div style={{ inlineSize: '320px' }}>
        <RecoveryCodeStep recoveryCode={code} serviceName="Acme" />
      </div>,
    );
    const element = codeElement();
    expect(element.textContent).toBe(code);

    const selection = window.getSelection()!;
    selection.removeAllRanges();
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.addRange(range);
    // What the browser puts on the clipboard for a manual copy: no stray spaces or newlines.
    expect(selection.toString()).toBe(code);
    selection.removeAllRanges();

    // No group is split across two lines.
    for (const group of element.querySelectorAll<HTMLElement>('.tfa-recovery-code__group')) {
      expect(group.getClientRects(), group.textContent ?? '').toHaveLength(1);
    }
  });

  it('copies and downloads exactly the adapter’s string, the file naming the service, the account, the date and its use', async () => {
    const code = 'RCV7-QK2M-9XD4-PLT8';
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return 'blob:recovery';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    await render(<RecoveryCodeStep recoveryCode={code} serviceName="Acme Cloud" accountLabel="+1 ••• ••• 0000" />);
    await userEvent.click(page.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(code);

    await userEvent.click(page.getByRole('button', { name: 'Download .txt' }));
    const text = await files[0]!.text();
    const lines = text.split('\n');
    expect(lines[0]).toBe('Emergency recovery code for Acme Cloud');
    expect(lines).toContain('Account: two-factor phone +1 ••• ••• 0000');
    expect(text).toMatch(/Saved on: \w+ \d{1,2}, \d{4}/);
    expect(lines).toContain(code);
    expect(text).toContain('enter this code where you are asked for a verification code');
  });
});
