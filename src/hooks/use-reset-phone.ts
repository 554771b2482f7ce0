import { useCallback, useEffect, useRef, useState } from './react';
import { useTwoFactorAdapter } from './context';
import { useControllableState } from './use-controllable-state';
import { useRequest } from './use-request';
import type { ResetPhoneState, UseResetPhoneOptions } from './types';

/**
 * The "reset the current 2FA phone" confirmation: open state (controlled or not), the required
 * acknowledgement, and what confirming does. By default (`resetTiming: 'on-verify'`) confirming
 * records the intent and removes nothing: the current phone keeps working until the new number
 * verifies with `replacesCurrent: true`. With `'immediate'` it calls `adapter.resetPhone` (single
 * flight) first.
 * @example
 * const reset = useResetPhone({ onReset: () => setStep('phone-entry') });
 * <button onClick={() => reset.setOpen(true)}>Reset</button>
 * <input type="checkbox" checked={reset.acknowledged} onChange={(e) => reset.setAcknowledged(e.target.checked)} />
 * <button aria-disabled={!reset.canConfirm} onClick={reset.confirm}>Reset and continue</button>
 */
export function useResetPhone(options: UseResetPhoneOptions = {}): ResetPhoneState {
  const adapter = useTwoFactorAdapter(options.adapter, 'useResetPhone');
  const [open, setOpenState] = useControllableState(options.open, options.defaultOpen ?? false, options.onOpenChange);
  const [acknowledged, setAcknowledged] = useState(false);
  const [done, setDone] = useState(false);

  const onResetRef = useRef(options.onReset);
  onResetRef.current = options.onReset;
  const acknowledgedRef = useRef(acknowledged);
  acknowledgedRef.current = acknowledged;

  const immediate = options.resetTiming === 'immediate';
  const request = useRequest<void, void>(
    // 'on-verify' calls nothing: the swap happens when the new number's code verifies.
    (_args, signal) => (immediate && adapter.resetPhone ? adapter.resetPhone({ signal }) : Promise.resolve()),
    {
    timeoutMs: options.timeoutMs,
      onError: (error) => options.onError?.({ error }),
    },
  );
  const { run, abort, reset, isInFlight } = request;
  const isPending = request.status === 'pending';

  // Every opening starts clean: the acknowledgement must be given again, old errors are gone.
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (open) {
      setAcknowledged(false);
      setDone(false);
    }
  }
  useEffect(() => {
    if (open) reset();
    // A parent that closes a controlled dialog mid-request has left the step: stop the call.
    else abort();
  }, [open, reset, abort]);

  const setOpen = useCallback(
    (next: boolean) => {
      // Closing (Escape, Cancel, outside click) must not strand a reset the server may be doing.
      if (!next && isInFlight()) return;
      setOpenState(next);
    },
    [isInFlight, setOpenState],
  );

  const confirm = useCallback(() => {
    if (!acknowledgedRef.current) return;
    void run(undefined, {
      onSuccess: () => {
        setDone(true);
        // A controlled dialog is left to the parent (it moves on in `onReset`); reporting a close
        // first would read like a cancel.
        if (options.open === undefined) setOpenState(false);
        onResetRef.current?.();
      },
    });
  }, [run, options.open, setOpenState]);

  const status: ResetPhoneState['status'] = isPending
    ? 'pending'
    : request.status === 'error'
      ? 'error'
      : done
        ? 'done'
        : 'idle';

  return {
    open,
    setOpen,
    acknowledged,
    setAcknowledged,
    status,
    confirm,
    error: request.error,
    isPending,
    canConfirm: acknowledged && !isPending,
  };
}
