import { forwardRef } from 'react';
import type { ButtonHTMLAttributes, MouseEvent } from 'react';
import { cx, dataFlag } from './class-names';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  /** Shows the action as in progress: the button stays focusable but does nothing. @default false */
  isPending?: boolean;
  /** Unavailable: stays focusable (so its label and hint stay discoverable) but does nothing. @default false */
  isDisabled?: boolean;
  /** Visual weight. @default 'primary' */
  variant?: 'primary' | 'secondary' | 'link' | 'danger';
}

/**
 * A button that never uses the `disabled` attribute: a pending or unavailable button keeps focus
 * (a disabled one would drop it to `<body>`) and says so through `aria-disabled`, as React Aria's
 * Button does. Clicks are ignored, which also stops a submit button from submitting its form.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { isPending = false, isDisabled = false, variant = 'primary', type = 'button', className, onClick, ...props },
  ref,
) {
  const inert = isPending || isDisabled;
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (inert) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...props}
      ref={ref}
      type={type}
      className={cx('tfa-button', `tfa-button--${variant}`, className)}
      aria-disabled={inert || undefined}
      data-pending={dataFlag(isPending)}
      data-disabled={dataFlag(isDisabled)}
      onClick={handleClick}
    />
  );
});
