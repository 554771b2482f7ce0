import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { isCodeError } from '../core/errors';
import type { EmailCodeGateState } from '../hooks/types';
import { useInitialMessages } from '../i18n/context';
import { Button } from './button';
import { cx } from './class-names';
import { CodeInput } from './code-input';
import { Announce } from './component-root';
import { RetryNotice, useRetryCountdown } from './retry-notice';

export interface CodeFormProps {
  /** The step hook's state (`useEmailCodeGate` or `useCodeVerification`). */
  entry: Pick<
    EmailCodeGateState,
    'error' | 'fieldError' | 'attemptsRemaining' | 'codeLength' | 'getCodeInputProps' | 'getFormProps'
  >;
  /** True while the code is being checked. */
  isVerifying: boolean;
  /** Visible label of the code field. */
  label: string;
  /** `id` of the step heading that names the form. */
  headingId: string;
  /**
   * Shows when a failure with `retryAfterSeconds` may be retried. Off when another countdown on
   * the step already says the same (a refused send counts down next to Resend code).
   * @default true
   */
  showRetryNotice?: boolean;
  /** Runs on every submit, before the verify. */
  onSubmit?: () => void;
  /**
   * True after `too_many_attempts`: the field is disabled, Verify gives way to `lockedActions`,
   * and focus moves to the first of them (the disabled field cannot keep it).
   * @default false
   */
  isLocked?: boolean;
  /** The next actions offered once locked (send a new code, another number). */
  lockedActions?: ReactNode;
  /** More controls at the end of the form. */
  children?: ReactNode;
}

/**
 * The form both code steps share (the email gate and the phone code): the code field, the failure
 * (on the field when it is about the code, above the actions otherwise), how long a rate limit
 * lasts, and Verify. The failure is announced with the attempts left. A submit with too few digits
 * says so on the field, is announced (again on every submit), and leaves focus in the field.
 */
export function CodeForm({
  entry,
  isVerifying,
  label,
  headingId,
  showRetryNotice = true,
  onSubmit,
  isLocked = false,
  lockedActions,
  children,
}: CodeFormProps) {
  const t = useInitialMessages();
  const { error, attemptsRemaining, fieldError } = entry;
  const retrySeconds = useRetryCountdown(error);
  const inputRef = useRef<HTMLInputElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  // Counts submits, so pressing Verify again on the same short code is read out again.
  const [submits, setSubmits] = useState(0);

  const errorText = error ? t.errors[error.code] : null;
  const isCodeFailure = error !== null && isCodeError(error.code);
  const fieldErrorText = fieldError ? t.codeIncomplete(entry.codeLength) : null;
  const attemptsText =
    error?.code === 'invalid_code' && attemptsRemaining !== null ? t.attemptsRemaining(attemptsRemaining) : null;

  useEffect(() => {
    // After a click on Verify the user's next move is to type the missing digits.
    if (fieldError) inputRef.current?.focus();
  }, [fieldError, submits]);

  const wasLockedRef = useRef(isLocked);
  useEffect(() => {
    const wasLocked = wasLockedRef.current;
    wasLockedRef.current = isLocked;
    // The field was disabled under the user's fingers: the next step is a new code (issue 11).
    if (isLocked) actionsRef.current?.querySelector<HTMLElement>('button')?.focus();
    // The new code arrived and the button that asked for it is gone: back to the field.
    else if (wasLocked) inputRef.current?.focus();
  }, [isLocked]);

  const formProps = entry.getFormProps({
    onSubmit: () => {
      setSubmits((count) => count + 1);
      onSubmit?.();
    },
  });

  return (
    <form className="tfa-form" aria-labelledby={headingId} {...formProps}>
      <Announce message={errorText ? cx(errorText, attemptsText) : null} politeness="assertive" trigger={error} />
      <Announce message={fieldErrorText} politeness="assertive" trigger={fieldError && submits} />
      <CodeInput
        inputProps={entry.getCodeInputProps()}
        inputRef={inputRef}
        label={label}
        description={cx(t.codeHint(entry.codeLength), attemptsText)}
        errorMessage={fieldErrorText ?? (isCodeFailure ? errorText : null)}
        isPending={isVerifying}
      />
      {errorText && !isCodeFailure ? <p className="tfa-error">{errorText}</p> : null}
      {showRetryNotice && error?.retryAfterSeconds !== undefined ? <RetryNotice secondsRemaining={retrySeconds} /> : null}
      {isLocked ? <p className="tfa-notice tfa-code-locked">{t.codeLocked}</p> : null}
      <div className="tfa-actions" ref={actionsRef}>
        {isLocked ? (
          lockedActions
        ) : (
          <Button type="submit" isPending={isVerifying}>
            {isVerifying ? t.verifying : t.verify}
          </Button>
        )}
      </div>
      {children}
    </form>
  );
}
