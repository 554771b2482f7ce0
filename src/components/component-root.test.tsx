import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCEMENT_LIFETIME_MS, ComponentRoot, useAnnouncer } from './component-root';
import type { Politeness } from './component-root';

let announce: (message: string, politeness: Politeness) => void = () => {};

function Announcer() {
  announce = useAnnouncer();
  return null;
}

function region(container: HTMLElement, politeness: Politeness): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-tfa-live-region="${politeness}"]`);
  if (element === null) throw new Error(`no ${politeness} live region`);
  return element;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ComponentRoot live regions', () => {
  it('empties a message once it has been read, so a later step holds no stale error', () => {
    const { container } = render(
      <ComponentRoot>
        <Announcer />
      </ComponentRoot>,
    );
    act(() => announce('That code is not correct.', 'assertive'));
    expect(region(container, 'assertive').textContent).toBe('That code is not correct.');
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_LIFETIME_MS - 1));
    expect(region(container, 'assertive').textContent).toBe('That code is not correct.');
    act(() => vi.advanceTimersByTime(1));
    expect(region(container, 'assertive').textContent).toBe('');
  });

  it('keeps a newer message for its own full time, whatever an older one’s timer does', () => {
    const { container } = render(
      <ComponentRoot>
        <Announcer />
      </ComponentRoot>,
    );
    act(() => announce('Sending…', 'polite'));
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_LIFETIME_MS - 1000));
    act(() => announce('We sent you a new code.', 'polite'));
    act(() => vi.advanceTimersByTime(1000));
    expect(region(container, 'polite').textContent).toBe('We sent you a new code.');
    act(() => vi.advanceTimersByTime(ANNOUNCEMENT_LIFETIME_MS));
    expect(region(container, 'polite').textContent).toBe('');
  });

  it('leaves no timer behind when it unmounts', () => {
    const { unmount } = render(
      <ComponentRoot>
        <Announcer />
      </ComponentRoot>,
    );
    act(() => announce('Verified.', 'polite'));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
