import { useId } from 'react';
import type { Ref } from 'react';
import type { CodeInputProps } from '../hooks/types';
import { cx, dataFlag } from './class-names';
import { ComponentRoot } from './component-root';

export interface CodeInputComponentProps {
  /** Props from a hook's `getCodeInputProps()`: value, sanitising handlers, autofill hints. */
  inputProps: CodeInputProps;
  /** Visible label; names the field a "code" (e.g. "Verification code"). */
  label: string;
  /** Hint under the field, e.g. "Enter the 6-digit code.". */
  description?: string;
  /** Why the code was rejected; shown under the field and linked to it. */
  errorMessage?: string | null;
  /** Shows the field as busy while its code is being checked. @default false */
  isPending?: boolean;
  /** The `<input>`'s id. @default a generated id */
  id?: string;
  /** The `<input>` element, e.g. to focus it. */
  inputRef?: Ref<HTMLInputElement>;
  /** Class names after `tfa-code-input`. */
  className?: string;
}

/**
 * One real `<input>` for a one-time code, as input-otp does: autofill from SMS or email, password
 * managers, paste and screen readers all work on a single ordinary field. The hook's prop getter
 * supplies `autocomplete="one-time-code"`, `inputmode="numeric"`, `translate="no"` and the
 * sanitising paste handler (spaces, dashes and fullwidth digits become plain digits). Used on its
 * own (outside every other component) it is its own `tfa-root`, so the stylesheet's tokens apply.
 */
export function CodeInput({
  inputProps,
  label,
  description,
  errorMessage,
  isPending = false,
  id,
  inputRef,
  className,
}: CodeInputComponentProps) {
  const generatedId = useId();
  const inputId = id ?? `${generatedId}-code`;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const invalid = inputProps['aria-invalid'] || Boolean(errorMessage);
  const complete = inputProps.value.length > 0 && inputProps.value.length >= inputProps.maxLength;
  const describedBy = cx(description ? descriptionId : null, errorMessage ? errorId : null) || undefined;
  return (
    <ComponentRoot
      className={cx('tfa-field', 'tfa-code-input', className)}
      data-invalid={dataFlag(invalid)}
      data-pending={dataFlag(isPending)}
      data-disabled={dataFlag(inputProps.disabled === true)}
      data-state={complete ? 'complete' : 'incomplete'}
    >
      <label className="tfa-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        {...inputProps}
        ref={inputRef}
        id={inputId}
        type="text"
        className="tfa-input tfa-code-input__field"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-busy={isPending || undefined}
      />
      {description ? (
        <p id={descriptionId} className="tfa-hint">
          {description}
        </p>
      ) : null}
      {errorMessage ? (
        <p id={errorId} className="tfa-field-error">
          {errorMessage}
        </p>
      ) : null}
    </ComponentRoot>
  );
}
