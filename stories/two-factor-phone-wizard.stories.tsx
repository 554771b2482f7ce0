import { useEffect, useRef, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { TwoFactorPhoneWizard } from '../src/components/two-factor-phone-wizard';
import type { TwoFactorPhoneWizardProps } from '../src/components/two-factor-phone-wizard';
import { DevInbox } from './support/dev-inbox';
import { SettingsPage } from './support/settings-page';
import {
  fail,
  isMockAdapter,
  NEW_PHONE_E164,
  NEW_PHONE_NUMBER,
  placeholderAdapter,
  storyAdapter,
  STORY_RECOVERY_CODE,
  WRONG_CODE,
} from './support/mock';
import { expectFocusWithin, passEmailGate, waitForCode, VISIBLE } from './support/play';
import type { Canvas } from './support/play';

/**
 * The wizard where it lives: a section of the host's settings page, with the dev inbox beside it.
 * Like a host, the page takes Cancel after the step-up back to its settings: a fresh wizard, which
 * finds the step-up still fresh and shows the read-only 2FA section (the current number, masked,
 * and Edit), with focus on the section where the wizard was. Cancel on the email gate is left to
 * `onCancel` alone (a host would leave the settings; a fresh gate would only send another email).
 */
function InSettingsPage({ onCancel, ...props }: TwoFactorPhoneWizardProps) {
  const [round, setRound] = useState(0);
  const sectionRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (round > 0) sectionRef.current?.focus();
  }, [round]);
  const { adapter } = props;
  const cancel = onCancel
    ? () => {
        onCancel();
        if (isMockAdapter(adapter) && adapter.getState().emailVerified) setRound((current) => current + 1);
      }
    : undefined;
  return (
    <SettingsPage aside={isMockAdapter(props.adapter) ? <DevInbox adapter={props.adapter} /> : null}>
      {/* Focused after Cancel: the button pressed is gone with the wizard that had it. */}
      <div ref={sectionRef} tabIndex={-1} className="sb-settings__wizard">
        <TwoFactorPhoneWizard key={round} {...props} onCancel={cancel} />
      </div>
    </SettingsPage>
  );
}

const meta = {
  title: 'Flow/TwoFactorPhoneWizard',
  component: TwoFactorPhoneWizard,
  render: (args) => <InSettingsPage {...args} />,
  args: {
    adapter: placeholderAdapter,
    defaultCountry: 'US',
    headingLevel: 2,
    onComplete: fn(),
    onCancel: fn(),
    onStepChange: fn(),
    onError: fn(),
  },
  parameters: {
    mockAdapter: {},
    docs: {
      description: {
        component:
          'The whole flow, steps 1–7: the email-code gate, the 2FA section, the reset confirmation, phone entry, code verification and the recovery code. The dev inbox shows the codes the demo backend sent (every code is `123456`).',
      },
      story: { inline: false, iframeHeight: 760 },
    },
  },
} satisfies Meta<typeof TwoFactorPhoneWizard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The wizard's own region, so queries do not match the dev inbox or the page shell. */
function wizardOf(canvas: Canvas): Canvas {
  return within(canvas.getByRole('group', { name: /two-factor authentication setup/i }));
}

async function stepHeading(canvas: Canvas, name: RegExp): Promise<HTMLElement> {
  return canvas.findByRole('heading', { name }, { timeout: 3000 });
}

/**
 * The whole flow for a person to walk through (no play function, so nothing runs by itself):
 * every code is in the dev inbox beside the wizard.
 */
export const TryItYourself: Story = {};

/**
 * Steps 1–7 by keyboard and mouse, reading each code from the mock's sent messages: the email
 * gate, Edit, Reset and its confirmation, a new number, the SMS code, the recovery code, Finish.
 */
export const FullFlow: Story = {
  play: async ({ canvasElement, loaded, args, step }) => {
    const page = within(canvasElement);
    const adapter = storyAdapter(loaded);
    const wizard = wizardOf(page);

    await step('Unlock the settings with the emailed code', async () => {
      await expect(await page.findByRole('region', { name: /dev inbox/i })).toBeInTheDocument();
      await passEmailGate(wizard, adapter);
      await expectFocusWithin(await stepHeading(wizard, /two-factor authentication \(2fa\)/i));
    });

    await step('Edit, then Reset the current number', async () => {
      await expect(await wizard.findByText('+1 ••• ••• 0123', VISIBLE)).toBeInTheDocument();
      await userEvent.click(wizard.getByRole('button', { name: /^edit$/i }));
      await userEvent.click(wizard.getByRole('button', { name: /^reset$/i }));
      const dialog = within(await wizard.findByRole('alertdialog', { name: /reset your 2fa phone number/i }));
      await waitFor(() => expect(dialog.getByRole('button', { name: /^cancel$/i })).toHaveFocus());
      await userEvent.click(dialog.getByRole('checkbox', { name: /i understand/i }));
      await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
    });

    await step('"+ Add phone based verification": the current number still works meanwhile', async () => {
      await expectFocusWithin(await stepHeading(wizard, /add your new phone number/i));
      await expect(wizard.getByText(/keeps receiving sign-in codes until the new one is verified/i, VISIBLE)).toBeInTheDocument();
      await expect(adapter.getState().phoneNumber).toBe('+14155550123');
      await userEvent.click(wizard.getByRole('button', { name: /add phone based verification/i }));
    });

    await step('Enter the new number and send the code by SMS', async () => {
      await expectFocusWithin(await stepHeading(wizard, /add a phone number/i));
      await userEvent.type(wizard.getByLabelText(/^phone number$/i), NEW_PHONE_NUMBER);
      await userEvent.click(wizard.getByRole('button', { name: /send code via sms/i }));
    });

    await step('Type the code from the SMS (it verifies by itself)', async () => {
      await expectFocusWithin(await stepHeading(wizard, /enter the code/i));
      const code = await waitForCode(adapter, 'sms');
      await expect(adapter.messages.at(-1)?.to).toBe(NEW_PHONE_E164);
      await userEvent.type(wizard.getByLabelText(/^verification code$/i), code);
    });

    await step('Save the recovery code and Finish', async () => {
      await expectFocusWithin(await stepHeading(wizard, /save your recovery code/i));
      await expect(canvasElement.querySelector('[data-tfa-recovery-code]')?.textContent).toBe(STORY_RECOVERY_CODE);
      const finish = wizard.getByRole('button', { name: /^finish$/i });
      await expect(finish).toHaveAttribute('aria-disabled', 'true');
      await userEvent.click(wizard.getByRole('checkbox', { name: /i have saved my recovery code/i }));
      await userEvent.click(finish);
    });

    await step('The section shows the new number as updated; the host hears it masked, with no code in any callback', async () => {
      await expectFocusWithin(await stepHeading(wizard, /two-factor authentication \(2fa\)/i));
      await expect(wizard.getByText(/your 2fa phone number was updated/i, VISIBLE)).toBeInTheDocument();
      await expect(wizard.getByText('+1 ••• ••• 0000', VISIBLE)).toBeInTheDocument();
      await waitFor(() => expect(args.onComplete).toHaveBeenCalledTimes(1));
      await expect(args.onComplete).toHaveBeenCalledWith({ maskedNumber: '+1 ••• ••• 0000' });
      await expect(adapter.getState().phoneNumber).toBe(NEW_PHONE_E164);
      await expect(canvasElement).not.toHaveTextContent(STORY_RECOVERY_CODE.slice(0, 4));
      const callbackArgs = JSON.stringify([
        spyCalls(args.onStepChange),
        spyCalls(args.onComplete),
        spyCalls(args.onError),
      ]);
      await expect(callbackArgs).not.toContain('123456');
      await expect(callbackArgs).not.toContain(STORY_RECOVERY_CODE.slice(0, 4));
    });
  },
};

/** The arguments a `fn()` spy was called with (empty for anything else). */
function spyCalls(spy: unknown): unknown[] {
  if (typeof spy === 'function' && 'mock' in spy) {
    const mock = (spy as { mock: { calls: unknown[] } }).mock;
    return mock.calls;
  }
  return [];
}

/** An account with no 2FA phone yet: Edit goes straight to "+ Add phone based verification". */
export const NoPhoneYet: Story = {
  parameters: { mockAdapter: { phoneNumber: null } },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    await passEmailGate(wizard, storyAdapter(loaded));
    await expect(await wizard.findByText(/no phone number receives your sign-in codes/i, VISIBLE)).toBeInTheDocument();
    await userEvent.click(wizard.getByRole('button', { name: /^edit$/i }));
    await userEvent.click(wizard.getByRole('button', { name: /add phone based verification/i }));
    await expectFocusWithin(await stepHeading(wizard, /add a phone number/i));
  },
};

/**
 * A free-trial account (`canDisable`): edit mode offers to turn 2FA off, which asks first. Cancel
 * returns to Disable; "Turn off" turns 2FA off and focus moves to the section's heading.
 */
export const TrialAccount: Story = {
  parameters: { mockAdapter: { canDisable: true } },
  play: async ({ canvasElement, loaded, step }) => {
    const wizard = wizardOf(within(canvasElement));
    const adapter = storyAdapter(loaded);
    await passEmailGate(wizard, adapter);
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
    const disable = wizard.getByRole('button', { name: /disable two-factor authentication/i });

    await step('Disable asks first; Cancel changes nothing and returns focus to Disable', async () => {
      await userEvent.click(disable);
      const dialog = within(await wizard.findByRole('alertdialog', { name: /turn off two-factor authentication/i }));
      await waitFor(() => expect(dialog.getByRole('button', { name: /^cancel$/i })).toHaveFocus());
      await userEvent.click(dialog.getByRole('button', { name: /^cancel$/i }));
      await waitFor(() => expect(wizard.queryByRole('alertdialog')).not.toBeInTheDocument());
      await waitFor(() => expect(disable).toHaveFocus());
      await expect(adapter.calls).not.toContain('disableTwoFactor');
    });

    await step('"Turn off" turns 2FA off; focus moves to the section heading, not <body>', async () => {
      await userEvent.click(disable);
      const dialog = within(await wizard.findByRole('alertdialog', { name: /turn off two-factor authentication/i }));
      await userEvent.click(dialog.getByRole('button', { name: /^turn off$/i }));
      await waitFor(() => expect(wizard.queryByRole('alertdialog')).not.toBeInTheDocument());
      const heading = wizard.getByRole('heading', { name: /two-factor authentication \(2fa\)/i });
      await waitFor(() => expect(heading).toHaveFocus());
      await expect(await wizard.findByText(/no phone number receives your sign-in codes/i, VISIBLE)).toBeInTheDocument();
      await expect(heading).toHaveFocus();
      await expect(adapter.getState().twoFactorEnabled).toBe(false);
    });
  },
};

/** The Disable confirmation open in the flow: focus on Cancel, nothing turned off yet. */
export const DisableConfirmation: Story = {
  parameters: { mockAdapter: { canDisable: true } },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    const adapter = storyAdapter(loaded);
    await passEmailGate(wizard, adapter);
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(wizard.getByRole('button', { name: /disable two-factor authentication/i }));
    const element = await wizard.findByRole('alertdialog', { name: /turn off two-factor authentication/i });
    await expect(element).toHaveAccessibleDescription(/protected by your password alone/i);
    await waitFor(() => expect(within(element).getByRole('button', { name: /^cancel$/i })).toHaveFocus());
    await expect(adapter.calls).not.toContain('disableTwoFactor');
  },
};

/**
 * A slow backend (1.5 s per call): every step shows that it is waiting, from the first check
 * (is the step-up still fresh?) to the email being sent.
 */
export const SlowBackend: Story = {
  parameters: { mockAdapter: { latencyMs: 1500 } },
  play: async ({ canvasElement }) => {
    const wizard = wizardOf(within(canvasElement));
    await expect(await wizard.findByText(/loading/i, VISIBLE)).toBeInTheDocument();
    await expect(await wizard.findByText(/sending a code to your email/i, VISIBLE, { timeout: 4000 })).toBeInTheDocument();
    await expect(await wizard.findByText(/we emailed a code to/i, VISIBLE, { timeout: 4000 })).toBeInTheDocument();
  },
};

/**
 * The step-up is still fresh (the email code was verified moments ago, e.g. before Back and
 * Forward): the section opens without another email.
 */
export const StepUpStillFresh: Story = {
  parameters: { mockAdapter: { emailVerified: true } },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    await expect(await wizard.findByText('+1 ••• ••• 0123', VISIBLE)).toBeInTheDocument();
    await expect(storyAdapter(loaded).messages).toHaveLength(0);
  },
};

/** After Reset: the "+ Add phone based verification" step, a button before phone entry. */
export const AddPhoneAfterReset: Story = {
  parameters: { mockAdapter: { emailVerified: true } },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(wizard.getByRole('button', { name: /^reset$/i }));
    const dialog = within(await wizard.findByRole('alertdialog'));
    await userEvent.click(dialog.getByRole('checkbox', { name: /i understand/i }));
    await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
    await expectFocusWithin(await stepHeading(wizard, /add your new phone number/i));
    await expect(wizard.getByRole('button', { name: /add phone based verification/i })).toBeInTheDocument();
    await expect(storyAdapter(loaded).getState().phoneNumber).toBe('+14155550123');
  },
};

/**
 * `resetTiming="immediate"` (delete-first backends): Reset removes the number at once, and Cancel
 * asks before leaving the account without a phone.
 */
export const ImmediateReset: Story = {
  args: { resetTiming: 'immediate' },
  parameters: { mockAdapter: { emailVerified: true } },
  play: async ({ canvasElement, loaded, args }) => {
    const wizard = wizardOf(within(canvasElement));
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(wizard.getByRole('button', { name: /^reset$/i }));
    const dialog = within(await wizard.findByRole('alertdialog'));
    await userEvent.click(dialog.getByRole('checkbox', { name: /no longer receive codes/i }));
    await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
    await expectFocusWithin(await stepHeading(wizard, /add your new phone number/i));
    await expect(storyAdapter(loaded).getState().phoneNumber).toBeNull();
    await expect(wizard.getByText(/no phone for sign-in codes until you add/i, VISIBLE)).toBeInTheDocument();
    await userEvent.click(wizard.getByRole('button', { name: /^cancel$/i }));
    const leave = await wizard.findByRole('alertdialog', { name: /leave without a 2fa phone/i });
    await waitFor(() => expect(within(leave).getByRole('button', { name: /^cancel$/i })).toHaveFocus());
    await expect(args.onCancel).not.toHaveBeenCalled();
  },
};

/** After Finish: the section, read-only, with the new number and "updated". */
export const UpdatedAfterFinish: Story = {
  parameters: { mockAdapter: { emailVerified: true, phoneNumber: null } },
  play: async ({ canvasElement, loaded, args }) => {
    const wizard = wizardOf(within(canvasElement));
    const adapter = storyAdapter(loaded);
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(wizard.getByRole('button', { name: /add phone based verification/i }));
    await userEvent.type(await wizard.findByLabelText(/^phone number$/i), NEW_PHONE_NUMBER);
    await userEvent.click(wizard.getByRole('button', { name: /send code via sms/i }));
    await userEvent.type(await wizard.findByLabelText(/^verification code$/i, undefined, { timeout: 3000 }), await waitForCode(adapter, 'sms'));
    await userEvent.click(await wizard.findByRole('checkbox', { name: /i have saved my recovery code/i }, { timeout: 3000 }));
    await userEvent.click(wizard.getByRole('button', { name: /^finish$/i }));
    await expect(await wizard.findByText(/your 2fa phone number was updated/i, VISIBLE)).toBeInTheDocument();
    await expect(wizard.getByText('+1 ••• ••• 0000', VISIBLE)).toBeInTheDocument();
    await expect(args.onComplete).toHaveBeenCalledWith({ maskedNumber: '+1 ••• ••• 0000' });
  },
};

/** Loading the 2FA status failed (`network`); Try again recovers. */
export const StatusLoadFailed: Story = {
  // The first read is the wizard's own check (refused: no step-up yet); the section's load fails.
  parameters: { mockAdapter: { failures: { getTwoFactorStatus: [undefined, fail('network')] } } },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    await passEmailGate(wizard, storyAdapter(loaded));
    await expect(await wizard.findByText(/couldn’t load your two-factor settings/i, VISIBLE)).toBeInTheDocument();
    await userEvent.click(wizard.getByRole('button', { name: /try again/i }));
    await expect(await wizard.findByText('+1 ••• ••• 0123', VISIBLE)).toBeInTheDocument();
    // The button went away; focus went to the heading, not to <body>.
    await expect(canvasElement.ownerDocument.activeElement).not.toBe(canvasElement.ownerDocument.body);
  },
};

/**
 * The backend asks for a fresh step-up in the middle (`reverification_required` on sending the code
 * to the new number): back to the email gate, then back on phone entry with the typed number still
 * there and the field focused.
 */
export const ReverificationMidFlow: Story = {
  parameters: {
    mockAdapter: { phoneNumber: null, resendAfterSeconds: 0, failures: { sendPhoneCode: [fail('reverification_required')] } },
  },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    const adapter = storyAdapter(loaded);
    await passEmailGate(wizard, adapter);
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(wizard.getByRole('button', { name: /add phone based verification/i }));
    await userEvent.type(await wizard.findByLabelText(/^phone number$/i), NEW_PHONE_NUMBER);
    await userEvent.click(wizard.getByRole('button', { name: /send code via sms/i }));
    await stepHeading(wizard, /confirm it’s you/i);
    const secondCode = await waitForCode(adapter, 'email', 1);
    await userEvent.type(await wizard.findByLabelText(/email verification code/i), secondCode);
    await userEvent.click(wizard.getByRole('button', { name: /^verify$/i }));
    const field = await wizard.findByLabelText(/^phone number$/i, undefined, { timeout: 3000 });
    await waitFor(() => expect(field).toHaveFocus());
    await expect((field as HTMLInputElement).value).toMatch(/650\D*253\D*0000/);
  },
};

/** A wrong SMS code first, then the right one. */
export const WrongPhoneCodeThenRight: Story = {
  parameters: { mockAdapter: { phoneNumber: null } },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    const adapter = storyAdapter(loaded);
    await passEmailGate(wizard, adapter);
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(wizard.getByRole('button', { name: /add phone based verification/i }));
    await userEvent.type(await wizard.findByLabelText(/^phone number$/i), NEW_PHONE_NUMBER);
    await userEvent.click(wizard.getByRole('button', { name: /send code via sms/i }));
    const field = await wizard.findByLabelText(/^verification code$/i, undefined, { timeout: 3000 });
    await userEvent.type(field, WRONG_CODE);
    await expect(await wizard.findByText(/4 attempts remaining/i, VISIBLE)).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, await waitForCode(adapter, 'sms'));
    await stepHeading(wizard, /save your recovery code/i);
  },
};

/** Cancel leaves the flow through the host's `onCancel`. */
export const Cancel: Story = {
  play: async ({ canvasElement, args }) => {
    const wizard = wizardOf(within(canvasElement));
    await userEvent.click(await wizard.findByRole('button', { name: /^cancel$/i }));
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
  },
};

/**
 * Cancel in the middle of the flow (a new number half typed): the page goes back to its settings,
 * where the read-only 2FA section shows the current number, masked, unchanged, with Edit and no
 * Cancel (nothing is under way there).
 */
export const CancelReturnsToSection: Story = {
  play: async ({ canvasElement, loaded, args, step }) => {
    const page = within(canvasElement);
    const adapter = storyAdapter(loaded);
    const wizard = () => wizardOf(page);

    await step('Unlock, Edit, Reset and start typing a new number', async () => {
      await passEmailGate(wizard(), adapter);
      await userEvent.click(await wizard().findByRole('button', { name: /^edit$/i }, { timeout: 3000 }));
      await userEvent.click(wizard().getByRole('button', { name: /^reset$/i }));
      const dialog = within(await wizard().findByRole('alertdialog', { name: /reset your 2fa phone number/i }));
      await userEvent.click(dialog.getByRole('checkbox', { name: /i understand/i }));
      await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
      await userEvent.click(await wizard().findByRole('button', { name: /add phone based verification/i }));
      await stepHeading(wizard(), /add a phone number/i);
      await userEvent.type(wizard().getByLabelText(/^phone number$/i), '+1 650');
    });

    await step('Cancel shows the read-only section again: the number as it was, Edit, no Cancel', async () => {
      await userEvent.click(wizard().getByRole('button', { name: /^cancel$/i }));
      await expect(args.onCancel).toHaveBeenCalledTimes(1);
      await stepHeading(wizard(), /two-factor authentication \(2fa\)/i);
      await expect(await wizard().findByText('+1 ••• ••• 0123', VISIBLE)).toBeInTheDocument();
      await expect(wizard().getByRole('button', { name: /^edit$/i })).toBeVisible();
      await expect(wizard().queryByRole('button', { name: /^cancel$/i })).not.toBeInTheDocument();
      await expect(wizard().queryByLabelText(/^phone number$/i)).not.toBeInTheDocument();
      await expect(adapter.getState().phoneNumber).toBe('+14155550123');
      // No second email: the step-up is still fresh.
      await expect(adapter.messages.filter((message) => message.kind === 'email')).toHaveLength(1);
      await expect(canvasElement.ownerDocument.activeElement).not.toBe(canvasElement.ownerDocument.body);
    });
  },
};

/** The page's outline has the settings under an `<h2>`: the wizard's headings become `<h3>`. */
export const HeadingLevel3: Story = {
  args: { headingLevel: 3 },
  render: (args) => (
    <SettingsPage aside={isMockAdapter(args.adapter) ? <DevInbox adapter={args.adapter} /> : null}>
      <h2 className="sb-settings__subtitle">Sign-in and recovery</h2>
      <TwoFactorPhoneWizard {...args} />
    </SettingsPage>
  ),
  play: async ({ canvasElement }) => {
    const wizard = wizardOf(within(canvasElement));
    await expect(await wizard.findByRole('heading', { level: 3, name: /confirm it’s you/i })).toBeInTheDocument();
  },
};

/** Host wording through `messages` (a partial override; the rest stays as it was). */
export const CustomCopy: Story = {
  args: {
    messages: {
      emailGateHeading: 'Check your inbox',
      verify: 'Unlock',
      errors: { invalid_code: 'Not quite. Check the code in the email.' },
    },
  },
  play: async ({ canvasElement }) => {
    const wizard = wizardOf(within(canvasElement));
    await expect(await wizard.findByRole('heading', { name: /check your inbox/i })).toBeInTheDocument();
    await expect(wizard.getByRole('button', { name: /^unlock$/i })).toBeInTheDocument();
  },
};

/**
 * The host's brand through tokens: a class on the root (`className`) sets `--tfa-*` properties,
 * and wins over the library's zero-specificity defaults.
 */
export const BrandTokens: Story = {
  args: { className: 'acme-brand' },
  play: async ({ canvasElement, globals }) => {
    const wizard = wizardOf(within(canvasElement));
    const verify = await wizard.findByRole('button', { name: /^verify$/i });
    // The brand's primary in the theme the story is viewed in (support.css, `.acme-brand`).
    const brandPrimary = globals.theme === 'dark' ? 'rgb(196, 181, 253)' : 'rgb(109, 40, 217)';
    await expect(getComputedStyle(verify).backgroundColor).toBe(brandPrimary);
    await expect(getComputedStyle(verify).borderTopLeftRadius).toBe('0px');
  },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    await passEmailGate(wizard, storyAdapter(loaded));
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
  },
};

/** Right-to-left page direction. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement, loaded }) => {
    const wizard = wizardOf(within(canvasElement));
    await passEmailGate(wizard, storyAdapter(loaded));
    await userEvent.click(await wizard.findByRole('button', { name: /^edit$/i }));
  },
};

/** Spanish (`locale="es"`). */
export const Spanish: Story = {
  globals: { locale: 'es' },
  args: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByRole('heading', { name: /confirma que eres tú/i })).toBeInTheDocument();
  },
};

/** German (`locale="de"`). */
export const German: Story = {
  globals: { locale: 'de' },
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(await page.findByRole('heading', { name: /bestätige, dass du es bist/i })).toBeInTheDocument();
  },
};
