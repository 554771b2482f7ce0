import { useState } from 'react';
import { useTwoFactorSection } from '../hooks/use-two-factor-section';
import type { ResetTiming, UseTwoFactorSectionOptions } from '../hooks/types';
import { MessagesProvider } from '../i18n/context';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { cx } from './class-names';
import { ComponentRoot } from './component-root';
import type { HeadingLevel } from './heading';
import { ResetPhoneDialog } from './reset-phone-dialog';
import { TwoFactorSectionView } from './two-factor-section-view';

export interface TwoFactorSectionProps extends UseTwoFactorSectionOptions {
  /**
   * "+ Add phone based verification" was chosen (no number yet), or the user confirmed Reset: show
   * your phone entry. Without it the add button is hidden.
   */
  onAddPhone?: () => void;
  /**
   * Called once the user confirmed Reset. With `resetTiming="on-verify"` (the default) nothing was
   * removed: verify the new number with `replacesCurrent: true` and the backend swaps them.
   */
  onReset?: () => void;
  /**
   * `'on-verify'` (default): "Reset and continue" removes nothing; `'immediate'`: it calls
   * `adapter.resetPhone` first.
   * @default 'on-verify'
   */
  resetTiming?: ResetTiming;
  /** Level of the section's heading (and the reset dialog's title). @default 2 */
  headingLevel?: HeadingLevel;
  /** Class names after `tfa-two-factor-section`. */
  className?: string;
  /** Locale of the copy. @default inherited, else 'en' */
  locale?: string;
  /** Partial copy override. */
  messages?: TwoFactorMessagesOverrides;
}

/**
 * The "Two-factor authentication (2FA)" settings section on its own: loads the current phone,
 * offers Edit, Reset (with its confirmation dialog) and, on free-trial accounts, Disable.
 */
export function TwoFactorSection({ locale, messages, ...props }: TwoFactorSectionProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <TwoFactorSectionContent {...props} />
    </MessagesProvider>
  );
}

function TwoFactorSectionContent({
  onAddPhone,
  onReset,
  resetTiming,
  headingLevel,
  className,
  ...options
}: Omit<TwoFactorSectionProps, 'locale' | 'messages'>) {
  const section = useTwoFactorSection(options);
  const [resetOpen, setResetOpen] = useState(false);

  const handleReset = () => {
    // Only a removal changed the account; a swap happens when the new number verifies.
    if (resetTiming === 'immediate') section.reload();
    onReset?.();
    onAddPhone?.();
  };

  return (
    <ComponentRoot className={cx('tfa-two-factor-section', className)}>
      <TwoFactorSectionView
        status={section.status}
        maskedNumber={section.maskedNumber}
        canDisable={section.canDisable}
        editing={section.editing}
        onEditingChange={section.setEditing}
        onReset={() => setResetOpen(true)}
        onAddPhone={onAddPhone}
        onDisableRequest={section.requestDisable}
        onDisableCancel={section.cancelDisable}
        onDisable={section.disable}
        disableStatus={section.disableConfirmation}
        onRetry={section.reload}
        error={section.error}
        headingLevel={headingLevel}
      />
      <ResetPhoneDialog
        adapter={options.adapter}
        timeoutMs={options.timeoutMs}
        onError={options.onError}
        resetTiming={resetTiming}
        open={resetOpen}
        onOpenChange={setResetOpen}
        onReset={() => {
          setResetOpen(false);
          handleReset();
        }}
        headingLevel={headingLevel}
      />
    </ComponentRoot>
  );
}
