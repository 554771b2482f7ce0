import type { SyntheticEvent } from 'react';
import { sanitizeCode } from '../core/code';
import type { CodeInputHandlers, CodeInputProps, FormHandlers, FormProps } from './types';

/**
 * Internal helpers behind the hooks' prop getters. Composition rule (after Radix): the consumer's
 * handler runs first, and ours is skipped when it called `event.preventDefault()` — except for a
 * form's `onSubmit`, where ours always runs (it is what stops the browser from navigating and
 * what blocks implicit re-submit while a request is pending).
 */

export function composeEventHandlers<E extends SyntheticEvent>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

export function createFormProps(
  submit: () => void,
  handlers: FormHandlers = {},
): FormProps {
  return {
    onSubmit: (event) => {
      handlers.onSubmit?.(event);
      event.preventDefault();
      submit();
    },
    method: 'post',
    noValidate: true,
  };
}

interface CodeInputConfig {
  code: string;
  codeLength: number;
  setCode: (value: string) => void;
  invalid: boolean;
  name: string;
}

export function createCodeInputProps(config: CodeInputConfig, handlers: CodeInputHandlers = {}): CodeInputProps {
  const { code, codeLength, setCode, invalid, name } = config;
  return {
    value: code,
    onChange: composeEventHandlers(handlers.onChange, (event) => setCode(event.currentTarget.value)),
    onPaste: composeEventHandlers(handlers.onPaste, (event) => {
      const pasted = event.clipboardData.getData('text');
      // Without this the browser cuts "123 456" to `maxLength` characters before we can drop the
      // space, losing a digit.
      event.preventDefault();
      const pastedCode = sanitizeCode(pasted, codeLength);
      const { value, selectionStart, selectionEnd } = event.currentTarget;
      // A whole code replaces whatever is there (pasting over a full field is the usual retry);
      // a fragment replaces the selection, as the browser's paste would.
      setCode(
        pastedCode.length === codeLength
          ? pastedCode
          : sanitizeCode(value.slice(0, selectionStart ?? value.length) + pasted + value.slice(selectionEnd ?? value.length), codeLength),
      );
    }),
    // Only theirs: Enter submits through the form, where the single-flight guard lives.
    onKeyDown: (event) => handlers.onKeyDown?.(event),
    autoComplete: 'one-time-code',
    inputMode: 'numeric',
    pattern: `\\d{${codeLength}}`,
    maxLength: codeLength,
    translate: 'no',
    spellCheck: false,
    autoCorrect: 'off',
    autoCapitalize: 'off',
    'aria-invalid': invalid,
    name,
  };
}

