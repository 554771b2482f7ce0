import { useId, useRef } from 'react';
import type { FormEvent } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useResetPhone } from '../hooks/use-reset-phone';
import type { UseResetPhoneOptions } from '../hooks/types';
import { MessagesProvider, useMessages } from '../i18n/context';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx, dataFlag } from './class-names';
import { useIsInsideRoot, useRootContainer } from './component-root';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { RetryNotice, useRetryCountdown } from './retry-notice';

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
 * user must tick the acknowledgement before "Reset and continue" does anything. While the reset is
 * in flight nothing closes the dialog.
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const checkboxId = useId();
  const rootContainer = useRootContainer();
  const insideRoot = useIsInsideRoot();
  const portalTarget = container ?? rootContainer ?? undefined;
  // Portalled outside any component root (to `document.body`), the dialog carries the token scope itself.
  const needsOwnRoot = !insideRoot || portalTarget === undefined;
  const errorText = reset.error ? t.errors[reset.error.code] : null;
  const retrySeconds = useRetryCountdown(reset.error);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reset.canConfirm) reset.confirm();
  };

  return (
    <Dialog.Root open={reset.open} onOpenChange={reset.setOpen}>
      <Dialog.Portal container={portalTarget}>
        <Dialog.Overlay className={cx(needsOwnRoot && 'tfa-root', 'tfa-dialog-overlay')} />
        <Dialog.Content
          role="alertdialog"
          className={cx(needsOwnRoot && 'tfa-root', 'tfa-dialog', 'tfa-reset-dialog', className)}
          data-pending={dataFlag(reset.isPending)}
          data-status={reset.status}
          onOpenAutoFocus={(event) => {
            // The least destructive choice first, as in Radix's AlertDialog.
            event.preventDefault();
            cancelRef.current?.focus({ preventScroll: true });
          }}
          onCloseAutoFocus={onCloseAutoFocus}
          onPointerDownOutside={(event) => event.preventDefault()}
          onInteractOutside={(event) => event.preventDefault()}
          onEscapeKeyDown={(event) => {
            // Closing now would hide whether the server removed the number.
            if (reset.isPending) event.preventDefault();
          }}
        >
          <Dialog.Title asChild>
            <Heading level={toHeadingLevel(headingLevel)} className="tfa-heading">
              {t.resetTitle}
            </Heading>
          </Dialog.Title>
          <Dialog.Description className="tfa-dialog__description">{t.resetDescription}</Dialog.Description>
          <form className="tfa-form" method="post" noValidate onSubmit={handleSubmit}>
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
                {t.resetAcknowledge}
              </label>
            </div>
            {/* Inside the dialog: a modal hides everything else from assistive technology. */}
            <p className="tfa-error" role="alert">
              {errorText}
            </p>
            {reset.error?.retryAfterSeconds !== undefined ? <RetryNotice secondsRemaining={retrySeconds} /> : null}
            <div className="tfa-actions">
              <Button ref={cancelRef} variant="secondary" isDisabled={reset.isPending} onClick={() => reset.setOpen(false)}>
                {t.cancel}
              </Button>
              <Button type="submit" variant="danger" isPending={reset.isPending} isDisabled={!reset.acknowledged}>
                {reset.isPending ? t.resetting : t.resetConfirm}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
