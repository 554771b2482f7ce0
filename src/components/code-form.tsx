import type { ReactNode } from 'react';
import { isCodeError } from '../core/errors';
import type { EmailCodeGateState } from '../hooks/types';
import { useMessages } from '../i18n/context';
import { Button } from './button';
import { cx } from './class-names';
import { CodeInput } from './code-input';
import { Announce } from './component-root';
import { RetryNotice, useRetryCountdown } from './retry-notice';

export interface CodeFormProps {
  /** The step hook's state (`useEmailCodeGate` or `useCodeVerification`). */
  entry: Pick<EmailCodeGateState, 'error' | 'attemptsRemaining' | 'codeLength' | 'getCodeInputProps' | 'getFormProps'>;
  /** True while the code is being checked. */
  isVerifying: boolean;
  /** Visible label of the code field. */
  label: string;
  /** `id` of the step heading that names the form. */
  headingId: string;
  /** More controls at the end of the form. */
  children?: ReactNode;
}

/**
 * The form both code steps share (the email gate and the phone code): the code field, the failure
 * (on the field when it is about the code, above the actions otherwise), how long a rate limit
 * lasts, and Verify. The failure is announced with the attempts left.
 */
export function CodeForm({ entry, isVerifying, label, headingId, children }: CodeFormProps) {
  const t = useMessages();
  const { error, attemptsRemaining } = entry;
  const retrySeconds = useRetryCountdown(error);

  const errorText = error ? t.errors[error.code] : null;
  const isCodeFailure = error !== null && isCodeError(error.code);
  const attemptsText =
    error?.code === 'invalid_code' && attemptsRemaining !== null ? t.attemptsRemaining(attemptsRemaining) : null;

  return (
    <form className="tfa-form" aria-labelledby={headingId} {...entry.getFormProps()}>
      <Announce message={errorText ? cx(errorText, attemptsText) : null} politeness="assertive" trigger={error} />
      <CodeInput
        inputProps={entry.getCodeInputProps()}
        label={label}
        description={cx(t.codeHint(entry.codeLength), attemptsText)}
        errorMessage={isCodeFailure ? errorText : null}
        isPending={isVerifying}
      />
      {errorText && !isCodeFailure ? <p className="tfa-error">{errorText}</p> : null}
      {error?.retryAfterSeconds !== undefined ? <RetryNotice secondsRemaining={retrySeconds} /> : null}
      <div className="tfa-actions">
        <Button type="submit" isPending={isVerifying}>
          {isVerifying ? t.verifying : t.verify}
        </Button>
      </div>
      {children}
    </form>
  );
}
