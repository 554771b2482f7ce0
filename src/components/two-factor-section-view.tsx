import { useId, useRef } from 'react';
import type { TwoFactorError } from '../core/errors';
import { useMessages } from '../i18n/messages';
import { Button } from './button';
import { cx, dataFlag } from './class-names';
import { Announce, AnnounceOnSettle, ComponentRoot } from './component-root';
import { ConfirmationDialog } from './confirmation-dialog';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { RetryNotice, useRetryCountdown } from './retry-notice';

/** Where the section's data stands. */
export type TwoFactorSectionViewStatus = 'loading' | 'error' | 'ready';

export interface TwoFactorSectionViewProps {
  /** Loading the 2FA status, failed to, or showing it. */
  status: TwoFactorSectionViewStatus;
  /** The current number, masked, or `null` when there is none. */
  maskedNumber: string | null;
  /** Whether a Disable button is offered (free-trial accounts whose backend supports it). */
  canDisable: boolean;
  /** Edit mode: shows Reset / "+ Add phone based verification" and Disable or the mandatory note. */
  editing: boolean;
  /** Edit / Done. Without it there is no Edit button (the wizard's finished section). */
  onEditingChange?: (editing: boolean) => void;
  /** Reset next to the current number (opens the confirmation). */
  onReset?: () => void;
  /** "+ Add phone based verification" when there is no number. Hidden when omitted. */
  onAddPhone?: () => void;
  /**
   * Disable's confirmation, owned by the section's state: `'confirming'` shows the "Turn off
   * two-factor authentication?" alert dialog, `'pending'` keeps it open while 2FA is turned off.
   * @default 'idle'
   */
  disableStatus?: 'idle' | 'confirming' | 'pending';
  /** Disable was pressed: the owner moves to `'confirming'` (or re-locks first). */
  onDisableRequest?: () => void;
  /** The confirmation was dismissed (Cancel, Escape). */
  onDisableCancel?: () => void;
  /** "Turn off" in the confirmation. */
  onDisable?: () => void;
  /** Retries a failed load. */
  onRetry?: () => void;
  /** The failure to explain (a failed load, or a failed disable inside its confirmation), or null. */
  error?: TwoFactorError | null;
  /** A short status shown under the heading, e.g. that the phone number was just updated. */
  notice?: string | null;
  /** Level of the section's heading. @default 2 */
  headingLevel?: HeadingLevel;
  /** Class names after `tfa-section`. */
  className?: string;
}

/**
 * The "Two-factor authentication (2FA)" settings section as markup only: the standalone
 * `TwoFactorSection` and the wizard both render it with their own state. Disable asks for
 * confirmation in an alert dialog first (Cancel and Escape return focus to Disable); once the
 * disable succeeds the dialog closes and focus moves to the section's heading.
 */
export function TwoFactorSectionView({
  status,
  maskedNumber,
  canDisable,
  editing,
  onEditingChange,
  onReset,
  onAddPhone,
  disableStatus = 'idle',
  onDisableRequest,
  onDisableCancel,
  onDisable,
  onRetry,
  error = null,
  notice = null,
  headingLevel,
  className,
}: TwoFactorSectionViewProps) {
  const t = useMessages();
  const headingId = useId();
  const phoneId = useId();
  const isDisabling = disableStatus === 'pending';
  const isConfirming = disableStatus === 'confirming' || isDisabling;
  const isReady = status === 'ready';
  const isEditing = isReady && editing;
  const errorText = error ? t.errors[error.code] : null;
  const retrySeconds = useRetryCountdown(error);
  const headerRef = useRef<HTMLDivElement>(null);
  const disableRef = useRef<HTMLButtonElement>(null);
  const focusHeading = () => headerRef.current?.querySelector<HTMLElement>('[data-tfa-step-heading]')?.focus();
  // A rate limit says when to try again, wherever its error is shown.
  const retryNotice = error?.retryAfterSeconds !== undefined ? <RetryNotice secondsRemaining={retrySeconds} /> : null;

  return (
    <ComponentRoot
      className={cx('tfa-step', 'tfa-section', className)}
      data-state={isReady ? (notice !== null ? 'updated' : editing ? 'editing' : 'viewing') : status}
      data-pending={dataFlag(status === 'loading' || isDisabling)}
      aria-busy={status === 'loading' || undefined}
    >
      <Announce
        message={status === 'error' ? cx(t.sectionLoadFailed, errorText) : null}
        politeness="assertive"
        trigger={status === 'error' ? (error ?? status) : null}
      />
      <Announce message={isReady && !isConfirming ? errorText : null} politeness="assertive" trigger={isReady ? error : null} />
      <AnnounceOnSettle isPending={isDisabling} failed={disableStatus === 'confirming'} message={t.disabled} />
      <div ref={headerRef} className="tfa-section__header">
        <Heading level={toHeadingLevel(headingLevel)} isStepHeading id={headingId} className="tfa-heading">
          {t.sectionHeading}
        </Heading>
        {isReady && onEditingChange ? (
          // One element for Edit and Done, so focus stays on it when the mode flips.
          <Button variant="secondary" aria-describedby={headingId} onClick={() => onEditingChange(!editing)}>
            {editing ? t.doneEditing : t.edit}
          </Button>
        ) : null}
      </div>

      {status === 'loading' ? <p className="tfa-loading">{t.loading}</p> : null}

      {isReady && notice !== null ? (
        <p className="tfa-success" role="status">
          {notice}
        </p>
      ) : null}

      {status === 'error' ? (
        <div className="tfa-section__error">
          <p className="tfa-error">
            {t.sectionLoadFailed} {errorText}
          </p>
          {retryNotice}
          {onRetry ? (
            <Button
              variant="secondary"
              onClick={() => {
                // The button goes away while the status loads: focus the heading first, never <body>.
                focusHeading();
                onRetry();
              }}
            >
              {t.retry}
            </Button>
          ) : null}
        </div>
      ) : null}

      {isReady && maskedNumber !== null ? (
        <div className="tfa-section__phone">
          <span className="tfa-label">{t.sectionPhoneLabel}</span>{' '}
          {/* dir: a phone number reads left to right on a right-to-left page too. */}
          <span id={phoneId} className="tfa-masked" translate="no" dir="ltr">
            {maskedNumber}
          </span>
          {isEditing && onReset ? (
            <Button variant="secondary" data-tfa-reset-trigger="" aria-describedby={phoneId} onClick={onReset}>
              {t.reset}
            </Button>
          ) : null}
        </div>
      ) : null}

      {isReady && maskedNumber === null ? (
        <div className="tfa-section__phone" data-empty="true">
          <p className="tfa-muted">{t.sectionNoPhone}</p>
          {isEditing && onAddPhone ? (
            <Button variant="secondary" className="tfa-add-phone" onClick={onAddPhone}>
              {t.addPhone}
            </Button>
          ) : null}
        </div>
      ) : null}

      {isEditing ? (
        <div className="tfa-section__policy">
          {canDisable && onDisable ? (
            <>
              <Button ref={disableRef} variant="danger" isPending={isDisabling} onClick={() => onDisableRequest?.()}>
                {t.disable}
              </Button>
              {error && !isConfirming ? <p className="tfa-error">{errorText}</p> : null}
              {isConfirming ? null : retryNotice}
            </>
          ) : canDisable ? null : (
            <p className="tfa-note">{t.mandatoryNote}</p>
          )}
        </div>
      ) : null}

      {onDisable ? (
        <ConfirmationDialog
          open={isConfirming}
          onOpenChange={(open) => {
            if (!open) onDisableCancel?.();
          }}
          onConfirm={onDisable}
          title={t.disableTitle}
          description={t.disableDescription}
          confirmLabel={t.disableConfirm}
          pendingLabel={t.disabling}
          isPending={isDisabling}
          error={isConfirming ? error : null}
          headingLevel={toHeadingLevel(headingLevel)}
          className="tfa-disable-dialog"
          finalFocus={() => {
            // Back to Disable after Cancel or Escape; to the heading once 2FA is off (Disable is
            // gone then), never to <body>.
            const disableButton = disableRef.current;
            return disableButton?.isConnected ? disableButton : headerRef.current?.querySelector<HTMLElement>('[data-tfa-step-heading]');
          }}
        />
      ) : null}
    </ComponentRoot>
  );
}
