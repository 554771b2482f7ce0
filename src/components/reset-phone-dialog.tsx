import { useId } from 'react';
import { useResetPhone } from '../hooks/use-reset-phone';
import type { UseResetPhoneOptions } from '../hooks/types';
import { MessagesProvider } from '../i18n/context';
import { useMessages } from '../i18n/messages';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { cx } from './class-names';
import { ConfirmationDialog } from './confirmation-dialog';
import { toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';

export interface ResetPhoneDialogProps extends UseResetPhoneOptions {
  /** Level of the dialog's title. @default 2 */
  headingLevel?: HeadingLevel;
  /** Class names after `tfa-dialog`. */
  className?: string;
  /** Where the dialog is portalled. @default the enclosing component root, else `document.body` */
  container?: HTMLElement | null;
  /**
   * Called when the dialog closes and would return focus; `event.preventDefault()` keeps Radix from
   * moving focus (the wizard moves it itself).
   */
  onCloseAutoFocus?: (event: Event) => void;
  /** Locale of the copy. @default inherited, else 'en' */
  locale?: string;
  /** Partial copy override. */
  messages?: TwoFactorMessagesOverrides;
}

/**
 * The reset confirmation, with alert-dialog behaviour (after Radix's AlertDialog): focus starts on
 * Cancel, outside clicks are ignored, Escape and Cancel close without calling the adapter, and the
 * user must tick the acknowledgement before "Reset and continue" does anything. By default
 * (`resetTiming="on-verify"`) confirming removes nothing and says so: the current number keeps
 * working until the new one verifies. With `"immediate"` it calls `adapter.resetPhone`, and while
 * that is in flight nothing closes the dialog.
 */
export function ResetPhoneDialog({ locale, messages, ...props }: ResetPhoneDialogProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <ResetPhoneDialogContent {...props} />
    </MessagesProvider>
  );
}

function ResetPhoneDialogContent({
  headingLevel,
  className,
  container,
  onCloseAutoFocus,
  ...options
}: Omit<ResetPhoneDialogProps, 'locale' | 'messages'>) {
  const reset = useResetPhone(options);
  const t = useMessages();
  const checkboxId = useId();
  const immediate = options.resetTiming === 'immediate';

  return (
    <ConfirmationDialog
      open={reset.open}
      onOpenChange={reset.setOpen}
      onConfirm={reset.confirm}
      title={t.resetTitle}
      description={immediate ? t.resetDescriptionImmediate : t.resetDescription}
      confirmLabel={t.resetConfirm}
      pendingLabel={t.resetting}
      isPending={reset.isPending}
      isConfirmDisabled={!reset.acknowledged}
      error={reset.error}
      headingLevel={toHeadingLevel(headingLevel)}
      className={cx('tfa-reset-dialog', className)}
      container={container}
      onCloseAutoFocus={onCloseAutoFocus}
      status={reset.status}
    >
      <div className="tfa-checkbox">
        <input
          id={checkboxId}
          type="checkbox"
          className="tfa-checkbox__input"
          checked={reset.acknowledged}
          required
          onChange={(event) => reset.setAcknowledged(event.currentTarget.checked)}
        />
        <label htmlFor={checkboxId} className="tfa-checkbox__label">
          {immediate ? t.resetAcknowledgeImmediate : t.resetAcknowledge}
        </label>
      </div>
    </ConfirmationDialog>
  );
}
