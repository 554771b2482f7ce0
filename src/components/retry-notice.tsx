import { useEffect, useRef, useState } from 'react';
import type { TwoFactorError } from '../core/errors';
import { deadlineFromNow, secondsRemaining } from '../core/time';
import { useMessages } from '../i18n/context';
import { cx } from './class-names';

/**
 * Seconds left of an error's `retryAfterSeconds`, counted against a wall-clock deadline taken when
 * the error arrives (a throttled background tab cannot stretch it). 0 without a hint.
 */
export function useRetryCountdown(error: TwoFactorError | null): number {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // Mirrors `deadline` so a null is not set again: React queues even a same-value update made
  // from an effect and flushes it later as a commit of its own (an extra commit on the first
  // keystroke into the step's code field).
  const deadlineRef = useRef<number | null>(null);
  useEffect(() => {
    const retryAfter = error?.retryAfterSeconds;
    if (retryAfter === undefined) {
      if (deadlineRef.current !== null) {
        deadlineRef.current = null;
        setDeadline(null);
      }
      return;
    }
    const start = Date.now();
    deadlineRef.current = deadlineFromNow(retryAfter, start);
    setNow(start);
    setDeadline(deadlineRef.current);
  }, [error]);
  const remaining = secondsRemaining(deadline, now);
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [remaining > 0]);
  return remaining;
}

export interface RetryNoticeProps {
  /** The element's id, e.g. for `aria-describedby` on the buttons it concerns. */
  id?: string;
  /** Whole seconds until the action may be retried. */
  secondsRemaining: number;
  /** Class names after `tfa-retry`. */
  className?: string;
}

/**
 * When a rate-limited action may be retried. Visible text only: the error itself was announced
 * once; a ticking countdown in a live region would be read every second.
 */
export function RetryNotice({ id, secondsRemaining: seconds, className }: RetryNoticeProps) {
  const t = useMessages();
  return (
    <p id={id} className={cx('tfa-retry', className)} data-state={seconds > 0 ? 'waiting' : 'ready'}>
      {seconds > 0 ? t.retryIn(seconds) : t.retryNow}
    </p>
  );
}
