import { useId } from 'react';
import { useInitialMessages } from '../i18n/context';
import { Button } from './button';
import { cx } from './class-names';

export interface ResendControlProps {
  /** Whole seconds until a resend is allowed; 0 when it is. */
  secondsRemaining: number;
  /** True while a resend is in flight. */
  isResending: boolean;
  /** Requests a new code. */
  onResend: () => void;
  /**
   * Unavailable for another reason than the cooldown (a verify in flight): focusable, inert.
   * @default false
   */
  isDisabled?: boolean;
  /** Class names after `tfa-resend`. */
  className?: string;
}

/**
 * "Resend code" with its cooldown. The countdown is visible text tied to the button by
 * `aria-describedby`, deliberately outside any live region: a region that changed every second
 * would drown out everything else a screen reader has to say.
 */
export function ResendControl({ secondsRemaining, isResending, onResend, isDisabled = false, className }: ResendControlProps) {
  const t = useInitialMessages();
  const countdownId = useId();
  const coolingDown = secondsRemaining > 0;
  return (
    <div className={cx('tfa-resend', className)} data-state={isResending ? 'sending' : coolingDown ? 'cooldown' : 'ready'}>
      <Button
        variant="link"
        isPending={isResending}
        isDisabled={coolingDown || isDisabled}
        aria-describedby={coolingDown ? countdownId : undefined}
        onClick={onResend}
      >
        {isResending ? t.resending : t.resend}
      </Button>
      {coolingDown ? (
        <span id={countdownId} className="tfa-countdown">
          {t.resendIn(secondsRemaining)}
        </span>
      ) : null}
    </div>
  );
}
