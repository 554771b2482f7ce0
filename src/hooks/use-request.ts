import { useCallback, useEffect, useRef, useState } from './react';
import { TwoFactorError, callSafely, domError, isAbortError, normalizeError, toHostError } from '../core/errors';

/**
 * The one helper behind every adapter call. Each action (send, verify, load…) owns one instance:
 * at most one call in flight, guarded synchronously by a ref so a double click, an Enter key repeat
 * or auto-submit racing a click cannot start a second call; an `AbortController` per call whose
 * signal goes to the adapter; abort on supersession, on explicit `abort()` (step exit) and on
 * unmount; a token per call (its settle function) so a late answer from an aborted or superseded
 * call changes nothing; and a timeout so pending always ends. It never throws, never rejects and
 * never logs.
 */

/** Where one action stands. */
export type RequestStatus = 'idle' | 'pending' | 'success' | 'error';

/** How one `run` ended. The promise `run` returns always resolves, never rejects. */
export type RequestOutcome<TResult> =
  | { type: 'success'; data: TResult }
  | { type: 'error'; error: TwoFactorError }
  /** Aborted, superseded by a newer call, or the owner unmounted: the result was dropped. */
  | { type: 'aborted' }
  /** Not started: a call was already in flight (single flight) or the owner had unmounted. */
  | { type: 'skipped' };

/** Handlers for one `run`, called in the same tick as the status update so React batches them. */
export interface RunHandlers<TResult> {
  /** The call resolved and was still the current one. */
  onSuccess?: (data: TResult) => void;
  /** The call failed (or timed out) and was still the current one. */
  onError?: (error: TwoFactorError) => void;
}

export interface UseRequestOptions {
  /**
   * Milliseconds before a pending call is aborted and fails with `network`. A value that is not a
   * positive finite number turns the timeout off.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * When true, `run` while a call is in flight aborts that call and starts the new one (a newer
   * question makes the older answer worthless, e.g. a status reload). When false the new `run` is
   * skipped (an action the user must not trigger twice, e.g. verify).
   * @default false
   */
  supersede?: boolean;
  /**
   * Called with every failure this action surfaces (never with an abort), as the host may see it:
   * the step hooks hand it straight to their `onError` option, so it gets the `toHostError` copy
   * (no message, no cause). The UI's own handling reads the full error from `RunHandlers.onError`
   * and `error`.
   */
  onError?: (error: TwoFactorError) => void;
  /**
   * Checks what the adapter resolved with. A result that fails it is a failure with `unknown`
   * (the generic, retryable message), never a success with fields missing.
   * @default every result is accepted
   */
  isValidResult?: (value: unknown) => boolean;
}

export interface RequestState<TArgs, TResult> {
  status: RequestStatus;
  /** The failure of the last settled call, or null. */
  error: TwoFactorError | null;
  /** Starts a call unless one is in flight (see `supersede`). Returns how it ended. */
  run: (args: TArgs, handlers?: RunHandlers<TResult>) => Promise<RequestOutcome<TResult>>;
  /** Aborts the call in flight, if any; its result is dropped and the status returns to idle. */
  abort: () => void;
  /** Back to idle with no error (does not touch a call in flight). */
  reset: () => void;
  /** Synchronous truth about a call in flight, for guards that cannot wait for a render. */
  isInFlight: () => boolean;
}

/** Default adapter-call timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** How a started call ended. */
type SettledOutcome<TResult> = Exclude<RequestOutcome<TResult>, { type: 'skipped' }>;

/**
 * Runs one kind of adapter call with single flight, abort, stale-result dropping and a timeout.
 * `request` may be an inline closure: the latest one is used.
 */
export function useRequest<TArgs, TResult>(
  request: (args: TArgs, signal: AbortSignal) => Promise<TResult>,
  options: UseRequestOptions = {},
): RequestState<TArgs, TResult> {
  const [status, setStatus] = useState<RequestStatus>('idle');
  const [error, setError] = useState<TwoFactorError | null>(null);
  // The two always change together (the setters are stable, so every render's copy is the same).
  const setRequestState = (nextStatus: RequestStatus, nextError: TwoFactorError | null = null): void => {
    setStatus(nextStatus);
    setError(nextError);
  };

  const requestRef = useRef(request);
  requestRef.current = request;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  // The call in flight, as the function that settles it. Nothing replaces it but that function
  // (which empties it) and a new `run` (after `abort()` settled it), so its identity tells the call
  // in flight from any older one.
  const inFlightRef = useRef<((outcome: SettledOutcome<TResult>) => void) | null>(null);
  const mountedRef = useRef(true);

  // Settling first means the adapter's own reaction to the abort (usually an AbortError
  // rejection) arrives after the call is already closed and is ignored.
  const abort = useCallback((): void => inFlightRef.current?.({ type: 'aborted' }), []);

  useEffect(() => {
    // Set here (not only in useRef) because StrictMode runs cleanup then setup on the same refs.
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      abort();
    };
  }, [abort]);

  const run = useCallback(
    (args: TArgs, handlers: RunHandlers<TResult> = {}): Promise<RequestOutcome<TResult>> => {
      // Not started once unmounted, nor while a call is in flight that it may not supersede.
      if (!mountedRef.current || (inFlightRef.current && !optionsRef.current.supersede)) {
        return Promise.resolve({ type: 'skipped' });
      }
      // Superseding: the call in flight, if any, is aborted first.
      abort();

      const controller = new AbortController();

      return new Promise<RequestOutcome<TResult>>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        // Only the call in flight settles: a late answer from an aborted or superseded call, or the
        // adapter's answer after the timeout, changes nothing.
        const settle = (outcome: SettledOutcome<TResult>): void => {
          if (inFlightRef.current !== settle) return;
          clearTimeout(timer);
          inFlightRef.current = null;
          resolve(outcome);

          if (outcome.type === 'aborted') {
            controller.abort();
            // An explicit abort, a newer call superseding this one or a stray AbortError from the
            // adapter ends pending quietly; an owner that unmounted has no status to update.
            if (mountedRef.current) setRequestState('idle');
          } else if (outcome.type === 'success') {
            setRequestState('success');
            callSafely(() => handlers.onSuccess?.(outcome.data));
          } else {
            setRequestState('error', outcome.error);
            callSafely(() => optionsRef.current.onError?.(toHostError(outcome.error)));
            callSafely(() => handlers.onError?.(outcome.error));
          }
        };

        const timeoutMs = optionsRef.current.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
          timer = setTimeout(() => {
            controller.abort(domError('The adapter call timed out.', 'TimeoutError'));
            settle({ type: 'error', error: new TwoFactorError('network', { message: `No answer within ${timeoutMs} ms` }) });
          }, timeoutMs);
        }

        inFlightRef.current = settle;
        setRequestState('pending');

        // Called synchronously; an adapter that throws is treated like one that rejects.
        new Promise<TResult>((resolveCall) => resolveCall(requestRef.current(args, controller.signal))).then(
          (data) => {
            let valid = false;
            try {
              valid = optionsRef.current.isValidResult?.(data) ?? true;
            } catch {
              // A guard that throws (on a getter, a proxy…) has not vouched for the value.
            }
            settle(
              valid
                ? { type: 'success', data }
                : // The result itself is not attached: it may hold a code or the recovery code.
                  { type: 'error', error: new TwoFactorError('unknown', { message: 'The adapter resolved with a malformed result' }) },
            );
          },
          // An AbortError from the adapter is an abort, never a failure.
          (reason: unknown) =>
            settle(isAbortError(reason) ? { type: 'aborted' } : { type: 'error', error: normalizeError(reason) }),
        );
      });
    },
    [abort],
  );

  const reset = useCallback(() => {
    if (inFlightRef.current) return;
    setRequestState('idle');
  }, []);

  const isInFlight = useCallback(() => inFlightRef.current !== null, []);

  return { status, error, run, abort, reset, isInFlight };
}
