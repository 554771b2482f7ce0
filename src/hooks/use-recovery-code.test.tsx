import { StrictMode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRecoveryCode } from './use-recovery-code';

const CODE = 'ABCD-EFGH-JKMN-PQRS';

function stubClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: writeText === undefined ? undefined : { writeText },
  });
}

afterEach(() => {
  stubClipboard(undefined);
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('useRecoveryCode', () => {
  it('splits the code for display without changing a character', () => {
    const { result } = renderHook(() => useRecoveryCode({ recoveryCode: CODE }));
    expect(result.current.groups).toEqual(['ABCD-', 'EFGH-', 'JKMN-', 'PQRS']);
    expect(result.current.groups.join('')).toBe(CODE);
  });

  it.each(['RCV7-QK2M-9XD4-PLT8', 'abcd efgh ijkl', 'ABCDEFGHJKMNPQRS', 'A1B2C3', '12345678-90', ' -AB--CD- ', '-'])(
    'gives groups that join back to exactly %j',
    (code) => {
      const { result } = renderHook(() => useRecoveryCode({ recoveryCode: code }));
      expect(result.current.groups.join('')).toBe(code);
      expect(result.current.recoveryCode).toBe(code);
    },
  );

  it('writes the file the caller describes, and the code alone by default', async () => {
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: vi.fn((blob: Blob) => (created.push(blob), 'blob:x')), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const plain = renderHook(() => useRecoveryCode({ recoveryCode: CODE }));
    act(() => plain.result.current.download());
    const described = renderHook(() => useRecoveryCode({ recoveryCode: CODE, fileContents: (code) => `Acme\n${code}\n` }));
    act(() => described.result.current.download());
    expect(await created[0]?.text()).toBe(`${CODE}\n`);
    expect(await created[1]?.text()).toBe(`Acme\n${CODE}\n`);
  });

  it('shows a new code from the parent after Finish, starting over', () => {
    const { result, rerender } = renderHook(({ code }) => useRecoveryCode({ recoveryCode: code }), {
      initialProps: { code: CODE },
    });
    act(() => result.current.setAcknowledged(true));
    act(() => result.current.finish());
    expect(result.current.recoveryCode).toBe('');
    rerender({ code: 'WXYZ-2345' });
    expect(result.current.recoveryCode).toBe('WXYZ-2345');
    expect(result.current.acknowledged).toBe(false);
  });

  it('copies the code to the clipboard and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    const { result } = renderHook(() => useRecoveryCode({ recoveryCode: CODE }));
    await act(async () => result.current.copy());
    expect(writeText).toHaveBeenCalledWith(CODE);
    expect(result.current.copyStatus).toBe('copied');
  });

  it('reports a refused clipboard write as failed', async () => {
    stubClipboard(() => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')));
    const { result } = renderHook(() => useRecoveryCode({ recoveryCode: CODE }));
    await act(async () => result.current.copy());
    expect(result.current.copyStatus).toBe('failed');
  });

  it('reports a missing clipboard API (insecure context) as failed', async () => {
    stubClipboard(undefined);
    const { result } = renderHook(() => useRecoveryCode({ recoveryCode: CODE }));
    await act(async () => result.current.copy());
    expect(result.current.copyStatus).toBe('failed');
  });

  it('downloads a text file through a Blob URL and revokes the URL afterwards', async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:recovery';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });

    const { result } = renderHook(() => useRecoveryCode({ recoveryCode: CODE, downloadFileName: 'codes.txt' }));
    act(() => result.current.download());

    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('codes.txt');
    expect(clicks[0]?.href).toBe('blob:recovery');
    expect(clicks[0]?.isConnected).toBe(false);
    expect(created[0]?.type).toContain('text/plain');
    await expect(created[0]?.text()).resolves.toContain(CODE);
    expect(revokeObjectURL).not.toHaveBeenCalled();
    act(() => vi.runAllTimers());
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:recovery');
  });

  it('opens the print dialog', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { result } = renderHook(() => useRecoveryCode({ recoveryCode: CODE }));
    act(() => result.current.print());
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('finishes only once acknowledged, clears the code and calls onFinish once without it', () => {
    const onFinish = vi.fn();
    const { result } = renderHook(() => useRecoveryCode({ recoveryCode: CODE, onFinish }));
    expect(result.current.canFinish).toBe(false);
    act(() => result.current.finish());
    expect(onFinish).not.toHaveBeenCalled();
    expect(result.current.recoveryCode).toBe(CODE);

    act(() => result.current.setAcknowledged(true));
    expect(result.current.canFinish).toBe(true);
    act(() => {
      result.current.finish();
      result.current.finish();
    });
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish).toHaveBeenCalledWith();
    expect(result.current.recoveryCode).toBe('');
    expect(result.current.groups).toEqual([]);
    expect(result.current.canFinish).toBe(false);
  });

  // StrictMode runs the mount effect's cleanup and setup again before the first user event, with
  // no render in between: copying and downloading must work straight away all the same.
  it('copies and downloads straight after mounting in StrictMode', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:recovery');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { result } = renderHook(() => useRecoveryCode({ recoveryCode: CODE }), { wrapper: StrictMode });

    await act(() => result.current.copy());
    expect(writeText).toHaveBeenCalledWith(CODE);
    expect(result.current.copyStatus).toBe('copied');

    act(() => result.current.download());
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('no longer copies the code once the hook has unmounted', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    const { result, unmount } = renderHook(() => useRecoveryCode({ recoveryCode: CODE }));
    const { copy } = result.current;
    unmount();
    await copy();
    expect(writeText).not.toHaveBeenCalled();
  });

  it('no longer downloads the code once the hook has unmounted', () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:recovery');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const { result, unmount } = renderHook(() => useRecoveryCode({ recoveryCode: CODE }));
    const { download } = result.current;
    unmount();
    download();
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});
