import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { useRequest } from './use-request';
import type { RequestOutcome, UseRequestOptions } from './use-request';

interface Pending {
  signal: AbortSignal;
  arg: string;
  resolve: (value: string) => void;
  reject: (reason: unknown) => void;
}

function setup(options: UseRequestOptions = {}) {
  const pending: Pending[] = [];
  const request = vi.fn(
    (arg: string, signal: AbortSignal) =>
      new Promise<string>((resolve, reject) => {
        pending.push({ arg, signal, resolve, reject });
      }),
  );
  const view = renderHook(() => useRequest<string, string>(request, options));
  return { ...view, pending, request };
}

function at(pending: Pending[], index: number): Pending {
  const entry = pending[index];
  if (!entry) throw new Error(`no call #${index}`);
  return entry;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useRequest', () => {
  it('makes one call when run twice in the same tick', async () => {
    const { result, pending, request } = setup();
    let second: Promise<RequestOutcome<string>> | undefined;
    act(() => {
      void result.current.run('a');
      second = result.current.run('b');
    });
    expect(request).toHaveBeenCalledTimes(1);
    await expect(second).resolves.toEqual({ type: 'skipped' });
    expect(result.current.status).toBe('pending');

    await act(async () => at(pending, 0).resolve('ok'));
    expect(result.current.status).toBe('success');
  });

  it('hands the adapter an AbortSignal that is not aborted while the call is current', () => {
    const { result, pending } = setup();
    act(() => void result.current.run('a'));
    expect(at(pending, 0).signal).toBeInstanceOf(AbortSignal);
    expect(at(pending, 0).signal.aborted).toBe(false);
  });

  it('aborts the older call and drops its late answer when a newer one supersedes it', async () => {
    const { result, pending } = setup({ supersede: true });
    const onSuccess = vi.fn();
    let first: Promise<RequestOutcome<string>> | undefined;
    act(() => {
      first = result.current.run('old', { onSuccess });
    });
    act(() => void result.current.run('new', { onSuccess }));
    expect(at(pending, 0).signal.aborted).toBe(true);

    await act(async () => at(pending, 1).resolve('new answer'));
    await act(async () => at(pending, 0).resolve('old answer'));

    await expect(first).resolves.toEqual({ type: 'aborted' });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith('new answer');
    expect(result.current.status).toBe('success');
  });

  it('ignores a late failure of a superseded call', async () => {
    const { result, pending } = setup({ supersede: true });
    act(() => void result.current.run('old'));
    act(() => void result.current.run('new'));
    await act(async () => at(pending, 1).resolve('fine'));
    await act(async () => at(pending, 0).reject(new TwoFactorError('network')));
    expect(result.current.status).toBe('success');
    expect(result.current.error).toBeNull();
  });

  it('aborts on unmount and changes nothing when the answer arrives later', async () => {
    const onError = vi.fn();
    const { result, pending, unmount } = setup({ onError });
    const onSuccess = vi.fn();
    let outcome: Promise<RequestOutcome<string>> | undefined;
    act(() => {
      outcome = result.current.run('a', { onSuccess, onError });
    });
    unmount();
    expect(at(pending, 0).signal.aborted).toBe(true);
    at(pending, 0).resolve('late');
    await expect(outcome).resolves.toEqual({ type: 'aborted' });
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('ends pending on an explicit abort without reporting an error', async () => {
    const onError = vi.fn();
    const { result, pending } = setup({ onError });
    act(() => void result.current.run('a'));
    act(() => result.current.abort());
    expect(at(pending, 0).signal.aborted).toBe(true);
    expect(result.current.status).toBe('idle');
    await act(async () => at(pending, 0).reject(new DOMException('Aborted', 'AbortError')));
    expect(result.current.status).toBe('idle');
    expect(result.current.error).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it('allows a new call once the previous one has settled', async () => {
    const { result, pending, request } = setup();
    act(() => void result.current.run('a'));
    await act(async () => at(pending, 0).resolve('one'));
    act(() => void result.current.run('b'));
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('never surfaces an AbortError from the adapter as an error', async () => {
    const { result, pending } = setup();
    let outcome: Promise<RequestOutcome<string>> | undefined;
    act(() => {
      outcome = result.current.run('a');
    });
    await act(async () => at(pending, 0).reject(new DOMException('The user aborted a request.', 'AbortError')));
    await expect(outcome).resolves.toEqual({ type: 'aborted' });
    expect(result.current.status).toBe('idle');
    expect(result.current.error).toBeNull();
  });

  it('normalises a foreign rejection to `unknown` and keeps a TwoFactorError as it is', async () => {
    const { result, pending } = setup();
    act(() => void result.current.run('a'));
    await act(async () => at(pending, 0).reject(new Error('SELECT * FROM users failed')));
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('unknown');
    expect(result.current.error?.message).not.toContain('SELECT');

    const limited = new TwoFactorError('rate_limited', { retryAfterSeconds: 10 });
    act(() => void result.current.run('b'));
    await act(async () => at(pending, 1).reject(limited));
    expect(result.current.error).toBe(limited);
  });

  it('gives the option-level onError (the host’s) a copy without message or cause, and the run handler the full error', async () => {
    const onError = vi.fn();
    const runOnError = vi.fn();
    const { result, pending } = setup({ onError });
    const original = new TwoFactorError('invalid_code', {
      message: 'code 123456 rejected',
      attemptsRemaining: 1,
      cause: new Error('code 123456'),
    });
    act(() => void result.current.run('a', { onError: runOnError }));
    await act(async () => at(pending, 0).reject(original));
    expect(runOnError).toHaveBeenCalledWith(original);
    expect(result.current.error).toBe(original);
    expect(onError).toHaveBeenCalledTimes(1);
    const hostError: unknown = onError.mock.calls[0]?.[0];
    expect(hostError).toBeInstanceOf(TwoFactorError);
    expect(hostError).toMatchObject({ code: 'invalid_code', message: 'invalid_code', attemptsRemaining: 1 });
    expect((hostError as TwoFactorError).cause).toBeUndefined();
  });

  it('treats an adapter that throws synchronously like one that rejects', async () => {
    const request = vi.fn((): Promise<string> => {
      throw new TypeError('Failed to fetch');
    });
    const { result } = renderHook(() => useRequest<void, string>(request));
    let outcome: RequestOutcome<string> | undefined;
    await act(async () => {
      outcome = await result.current.run(undefined);
    });
    expect(outcome).toMatchObject({ type: 'error', error: { code: 'network' } });
    expect(result.current.status).toBe('error');
  });

  it('times out after timeoutMs: pending ends with `network` and the signal is aborted', async () => {
    vi.useFakeTimers();
    const onError = vi.fn();
    const { result, pending } = setup({ timeoutMs: 5_000, onError });
    act(() => void result.current.run('a'));
    act(() => vi.advanceTimersByTime(4_999));
    expect(result.current.status).toBe('pending');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('network');
    expect(at(pending, 0).signal.aborted).toBe(true);
    expect(onError).toHaveBeenCalledTimes(1);
    // An answer after the timeout is dropped.
    await act(async () => at(pending, 0).resolve('too late'));
    expect(result.current.status).toBe('error');
  });

  it('times out where the runtime has no DOMException (React Native): pending still ends with `network`', () => {
    vi.useFakeTimers();
    vi.stubGlobal('DOMException', undefined);
    try {
      const { result, pending } = setup({ timeoutMs: 5_000 });
      act(() => void result.current.run('a'));
      act(() => vi.advanceTimersByTime(5_000));
      expect(result.current.status).toBe('error');
      expect(result.current.error?.code).toBe('network');
      expect(at(pending, 0).signal.aborted).toBe(true);
      expect((at(pending, 0).signal.reason as Error).name).toBe('TimeoutError');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('times out after 30 seconds by default', () => {
    vi.useFakeTimers();
    const { result } = setup();
    act(() => void result.current.run('a'));
    act(() => vi.advanceTimersByTime(29_999));
    expect(result.current.status).toBe('pending');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.error?.code).toBe('network');
  });

  it('leaves no unhandled rejection when an aborted call rejects later', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { result, pending, unmount } = setup();
      act(() => void result.current.run('a'));
      unmount();
      at(pending, 0).reject(new TwoFactorError('network'));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
