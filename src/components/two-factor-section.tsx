import { useState } from 'react';
import { useTwoFactorSection } from '../hooks/use-two-factor-section';
import type { UseTwoFactorSectionOptions } from '../hooks/types';
import { MessagesProvider } from '../i18n/context';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { cx } from './class-names';
import { ComponentRoot } from './component-root';
import type { HeadingLevel } from './heading';
import { ResetPhoneDialog } from './reset-phone-dialog';
import { TwoFactorSectionView } from './two-factor-section-view';

export interface TwoFactorSectionProps extends UseTwoFactorSectionOptions {
  /**
   * "+ Add phone based verification" was chosen (no number yet), or a reset just removed the
   * number: show your phone entry. Without it the add button is hidden.
   */
  onAddPhone?: () => void;
  /** Called after the current number was reset. */
  onReset?: () => void;
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
  headingLevel,
  className,
  ...options
}: Omit<TwoFactorSectionProps, 'locale' | 'messages'>) {
  const section = useTwoFactorSection(options);
  const [resetOpen, setResetOpen] = useState(false);

  const handleReset = () => {
    section.reload();
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
        onDisable={section.disable}
        disableStatus={section.disableStatus}
        onRetry={section.reload}
        error={section.error}
        headingLevel={headingLevel}
      />
      <ResetPhoneDialog
        adapter={options.adapter}
        timeoutMs={options.timeoutMs}
        onError={options.onError}
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
