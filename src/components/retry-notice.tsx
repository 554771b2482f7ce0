import { useMemo } from 'react';
import type { TwoFactorError } from '../core/errors';
import { deadlineFromNow } from '../core/time';
import { useCountdown } from '../hooks/use-countdown';
import { useInitialMessages } from '../i18n/context';
import { cx } from './class-names';

/**
 * Seconds left of an error's `retryAfterSeconds`, counted against a wall-clock deadline taken when
 * the error arrives (a throttled background tab cannot stretch it). 0 without a hint. The deadline
 * is derived during render, so the render that first shows the error already shows its countdown.
 */
export function useRetryCountdown(error: TwoFactorError | null): number {
  const deadline = useMemo(
    () => (error?.retryAfterSeconds === undefined ? null : deadlineFromNow(error.retryAfterSeconds)),
    [error],
  );
  return useCountdown(deadline);
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
  const t = useInitialMessages();
  return (
    <p id={id} className={cx('tfa-retry', className)} data-state={seconds > 0 ? 'waiting' : 'ready'}>
      {seconds > 0 ? t.retryIn(seconds) : t.retryNow}
    </p>
  );
}
