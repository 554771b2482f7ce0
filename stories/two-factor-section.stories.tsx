import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { TwoFactorSection } from '../src/components/two-factor-section';
import { fail, placeholderAdapter, storyAdapter } from './support/mock';
import { VISIBLE, expectDrawnLeftToRight } from './support/play';

const meta = {
  title: 'Steps/TwoFactorSection',
  component: TwoFactorSection,
  args: {
    adapter: placeholderAdapter,
    onAddPhone: fn(),
    onReset: fn(),
    onDisabled: fn(),
    onEditingChange: fn(),
    onError: fn(),
  },
  parameters: {
    // Past the email step-up: the section is what it unlocks.
    mockAdapter: { emailVerified: true },
    docs: {
      description: {
        component:
          'The "Two-factor authentication (2FA)" settings section on its own: the current phone (masked), Edit, Reset with its confirmation, and Disable on free-trial accounts.',
      },
    },
  },
} satisfies Meta<typeof TwoFactorSection>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A paid account with a phone: the masked number and Edit. */
export const WithPhone: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('+1 ••• ••• 0123', VISIBLE)).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: /^edit$/i })).toBeInTheDocument();
    // Nothing to act on until Edit.
    await expect(canvas.queryByRole('button', { name: /^reset$/i })).not.toBeInTheDocument();
  },
};

/** Edit mode on a paid account: Reset next to the number, and why 2FA cannot be turned off. */
export const Editing: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
    await expect(canvas.getByRole('button', { name: /^reset$/i })).toBeInTheDocument();
    await expect(canvas.getByText(/required on paid accounts/i, VISIBLE)).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: /disable/i })).not.toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: /^done$/i })).toBeInTheDocument();
  },
};

/** No phone yet: edit mode goes straight to "+ Add phone based verification". */
export const NoPhoneYet: Story = {
  parameters: { mockAdapter: { emailVerified: true, phoneNumber: null } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/no phone number receives your sign-in codes/i, VISIBLE)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: /^edit$/i }));
    await userEvent.click(canvas.getByRole('button', { name: /add phone based verification/i }));
    await expect(args.onAddPhone).toHaveBeenCalledTimes(1);
  },
};

/**
 * A free-trial account (`canDisable`): edit mode offers Disable, which asks first; "Turn off"
 * turns 2FA off and focus moves to the section's heading.
 */
export const TrialAccount: Story = {
  parameters: { mockAdapter: { emailVerified: true, canDisable: true } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
    await expect(canvas.queryByText(/required on paid accounts/i, VISIBLE)).not.toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: /disable two-factor authentication/i }));
    const dialog = within(await canvas.findByRole('alertdialog', { name: /turn off two-factor authentication/i }));
    await waitFor(() => expect(dialog.getByRole('button', { name: /^cancel$/i })).toHaveFocus());
    await userEvent.click(dialog.getByRole('button', { name: /^turn off$/i }));
    await waitFor(() => expect(args.onDisabled).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(canvas.getByRole('heading', { name: /two-factor authentication \(2fa\)/i })).toHaveFocus());
    await expect(await canvas.findByText(/no phone number receives your sign-in codes/i, VISIBLE)).toBeInTheDocument();
  },
};

/**
 * Disable's confirmation, open: an alert dialog named by its title, described by the consequence,
 * with focus on Cancel. Nothing is disabled until "Turn off".
 */
export const DisableConfirmation: Story = {
  parameters: { mockAdapter: { emailVerified: true, canDisable: true } },
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(canvas.getByRole('button', { name: /disable two-factor authentication/i }));
    const element = await canvas.findByRole('alertdialog', { name: /turn off two-factor authentication/i });
    await expect(element).toHaveAccessibleDescription(/protected by your password alone/i);
    const dialog = within(element);
    await waitFor(() => expect(dialog.getByRole('button', { name: /^cancel$/i })).toHaveFocus());
    await expect(dialog.getByRole('button', { name: /^turn off$/i })).toBeInTheDocument();
    await expect(args.onDisabled).not.toHaveBeenCalled();
    await expect(storyAdapter(loaded).calls).not.toContain('disableTwoFactor');
  },
};

/** Cancel (or Escape) closes the confirmation, leaves 2FA on, and returns focus to Disable. */
export const DisableCancelled: Story = {
  parameters: { mockAdapter: { emailVerified: true, canDisable: true } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
    const disable = canvas.getByRole('button', { name: /disable two-factor authentication/i });
    await userEvent.click(disable);
    const dialog = within(await canvas.findByRole('alertdialog'));
    await userEvent.click(dialog.getByRole('button', { name: /^cancel$/i }));
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(disable).toHaveFocus());
    await expect(args.onDisabled).not.toHaveBeenCalled();
  },
};

/** Loading the status from a slow backend. */
export const Loading: Story = {
  parameters: { mockAdapter: { emailVerified: true, latencyMs: 1500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/loading/i, VISIBLE)).toBeInTheDocument();
    await expect(await canvas.findByText('+1 ••• ••• 0123', VISIBLE, { timeout: 4000 })).toBeInTheDocument();
  },
};

/** Loading failed (`network`); Try again loads it. */
export const LoadFailed: Story = {
  parameters: { mockAdapter: { emailVerified: true, failures: { getTwoFactorStatus: [fail('network')] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/couldn’t load your two-factor settings/i, VISIBLE)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: /try again/i }));
    await expect(await canvas.findByText('+1 ••• ••• 0123', VISIBLE)).toBeInTheDocument();
  },
};

/** The backend wants a fresh step-up first (`reverification_required`); the host's `onError` hears of it. */
export const ReverificationRequired: Story = {
  parameters: { mockAdapter: { emailVerified: false } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/please confirm it’s you again/i, VISIBLE)).toBeInTheDocument();
    await expect(args.onError).toHaveBeenCalled();
  },
};

/** Disabling failed (`unknown`): the confirmation stays open with a generic, retryable message. */
export const DisableFailed: Story = {
  parameters: {
    mockAdapter: { emailVerified: true, canDisable: true, failures: { disableTwoFactor: [fail('unknown')] } },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(canvas.getByRole('button', { name: /disable two-factor authentication/i }));
    const dialog = within(await canvas.findByRole('alertdialog'));
    await userEvent.click(dialog.getByRole('button', { name: /^turn off$/i }));
    await expect(await dialog.findByText(/something went wrong/i, VISIBLE)).toBeInTheDocument();
    await expect(args.onDisabled).not.toHaveBeenCalled();
  },
};

/**
 * Edit → Reset → tick the acknowledgement → "Reset and continue": the intent is recorded, the
 * number stays (swap on verify) and `onReset` tells the host to show phone entry.
 */
export const ResetTheNumber: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(canvas.getByRole('button', { name: /^reset$/i }));
    const dialog = await canvas.findByRole('alertdialog', { name: /reset your 2fa phone number/i });
    const inDialog = within(dialog);
    await waitFor(() => expect(inDialog.getByRole('button', { name: /^cancel$/i })).toHaveFocus());
    await userEvent.click(inDialog.getByRole('checkbox', { name: /i understand/i }));
    await userEvent.click(inDialog.getByRole('button', { name: /reset and continue/i }));
    await waitFor(() => expect(args.onReset).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(storyAdapter(loaded).getState().phoneNumber).toBe('+14155550123');
    await expect(canvas.getByText('+1 ••• ••• 0123', VISIBLE)).toBeInTheDocument();
  },
};

/** `resetTiming="immediate"`: "Reset and continue" removes the number first; the section shows none. */
export const ResetImmediately: Story = {
  args: { resetTiming: 'immediate' },
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
    await userEvent.click(canvas.getByRole('button', { name: /^reset$/i }));
    const dialog = within(await canvas.findByRole('alertdialog', { name: /reset your 2fa phone number/i }));
    await userEvent.click(dialog.getByRole('checkbox', { name: /i understand/i }));
    await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
    await waitFor(() => expect(args.onReset).toHaveBeenCalledTimes(1));
    await expect(await canvas.findByText(/no phone number receives your sign-in codes/i, VISIBLE)).toBeInTheDocument();
    await expect(storyAdapter(loaded).getState().phoneNumber).toBeNull();
  },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
  },
};

/** Right-to-left page direction: the masked number still reads left to right. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^edit$/i }));
    expectDrawnLeftToRight(await canvas.findByText('+1 ••• ••• 0123', VISIBLE), ['+1', '0123']);
  },
};

/** Spanish copy. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  args: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^editar$/i }));
    await expect(canvas.getByRole('button', { name: /^restablecer$/i })).toBeInTheDocument();
  },
};
