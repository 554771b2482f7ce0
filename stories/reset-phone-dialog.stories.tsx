import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ResetPhoneDialog } from '../src/components/reset-phone-dialog';
import type { ResetPhoneDialogProps } from '../src/components/reset-phone-dialog';
import { fail, placeholderAdapter, storyAdapter } from './support/mock';
import { VISIBLE } from './support/play';

/**
 * Hosts the dialog the way a page would: it portals into an element inside the story (so it
 * inherits the toolbar's theme and direction), and a button reopens it after it closes.
 */
function DialogHost({ open: initialOpen = true, onOpenChange, ...props }: ResetPhoneDialogProps) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [open, setOpen] = useState(initialOpen);
  const handleOpenChange = (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
  };
  return (
    <div ref={setContainer} className="sb-dialog-host">
      {/* Only while closed: a modal hides everything behind it, and hidden controls must not be focusable. */}
      {open ? null : (
        <button type="button" onClick={() => handleOpenChange(true)}>
          Open the reset confirmation
        </button>
      )}
      {container ? (
        <ResetPhoneDialog {...props} container={container} open={open} onOpenChange={handleOpenChange} />
      ) : null}
    </div>
  );
}

const meta = {
  title: 'Steps/ResetPhoneDialog',
  component: ResetPhoneDialog,
  render: (args) => <DialogHost {...args} />,
  args: {
    adapter: placeholderAdapter,
    open: true,
    onOpenChange: fn(),
    onReset: fn(),
    onError: fn(),
  },
  argTypes: {
    container: { control: false },
  },
  parameters: {
    mockAdapter: { emailVerified: true },
    docs: {
      description: {
        component:
          'The reset confirmation (alert dialog): focus starts on Cancel, outside clicks are ignored, and "Reset and continue" does nothing until the acknowledgement is ticked.',
      },
      story: { inline: false, iframeHeight: 420 },
    },
  },
} satisfies Meta<typeof ResetPhoneDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Open: focus on Cancel, and the confirm button unavailable until the box is ticked. */
export const Open: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const dialog = await canvas.findByRole('alertdialog', { name: /reset your 2fa phone number/i });
    const inDialog = within(dialog);
    await waitFor(() => expect(inDialog.getByRole('button', { name: /^cancel$/i })).toHaveFocus());
    const confirm = inDialog.getByRole('button', { name: /reset and continue/i });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(confirm);
    await expect(storyAdapter(loaded).calls).not.toContain('resetPhone');
  },
};

/**
 * Tick the acknowledgement, then "Reset and continue": `onReset` runs and nothing is removed (swap
 * on verify, the default): the current number keeps working until the new one verifies.
 */
export const Confirm: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    const dialog = await canvas.findByRole('alertdialog');
    await expect(dialog).toHaveAccessibleDescription(/keeps receiving sign-in codes until you verify a new one/i);
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /i understand/i }));
    await userEvent.click(within(dialog).getByRole('button', { name: /reset and continue/i }));
    await waitFor(() => expect(args.onReset).toHaveBeenCalledTimes(1));
    await expect(storyAdapter(loaded).calls).not.toContain('resetPhone');
    await expect(storyAdapter(loaded).getState().phoneNumber).toBe('+14155550123');
  },
};

/** `resetTiming="immediate"`: the delete-first behaviour, said plainly; the adapter removes the number. */
export const ConfirmImmediate: Story = {
  args: { resetTiming: 'immediate' },
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    const dialog = await canvas.findByRole('alertdialog');
    await expect(dialog).toHaveAccessibleDescription(/stop receiving sign-in codes right away/i);
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /no longer receive codes/i }));
    await userEvent.click(within(dialog).getByRole('button', { name: /reset and continue/i }));
    await waitFor(() => expect(args.onReset).toHaveBeenCalledTimes(1));
    await expect(storyAdapter(loaded).getState().phoneNumber).toBeNull();
  },
};

/** Escape closes it without calling the adapter. */
export const CancelWithEscape: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(args.onOpenChange).toHaveBeenCalledWith(false);
    await expect(storyAdapter(loaded).calls).not.toContain('resetPhone');
  },
};

/** The reset is in flight: "Resetting…", and Escape does not close the dialog. */
export const Pending: Story = {
  // Only the delete-first mode calls the adapter on confirm.
  args: { resetTiming: 'immediate' },
  parameters: { mockAdapter: { emailVerified: true, latencyMs: 1500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dialog = within(await canvas.findByRole('alertdialog'));
    await userEvent.click(dialog.getByRole('checkbox', { name: /i understand/i }));
    await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
    await expect(await dialog.findByRole('button', { name: /resetting/i })).toHaveAttribute('data-pending', 'true');
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getByRole('alertdialog')).toBeInTheDocument();
  },
};

/** The reset failed (`network`): the dialog stays open and says why. */
export const Failed: Story = {
  // Only the delete-first mode calls the adapter on confirm.
  args: { resetTiming: 'immediate' },
  parameters: { mockAdapter: { emailVerified: true, failures: { resetPhone: [fail('network')] } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const dialog = within(await canvas.findByRole('alertdialog'));
    await userEvent.click(dialog.getByRole('checkbox', { name: /i understand/i }));
    await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
    await expect(await dialog.findByText(/couldn’t reach the server/i, VISIBLE)).toBeInTheDocument();
    await expect(args.onReset).not.toHaveBeenCalled();
  },
};

/** The adapter threw something that is not a `TwoFactorError`: a generic message, never the raw text. */
export const UnknownError: Story = {
  // Only the delete-first mode calls the adapter on confirm.
  args: { resetTiming: 'immediate' },
  parameters: {
    mockAdapter: { emailVerified: true, failures: { resetPhone: [new Error('upstream 500: <html>…</html>')] } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dialog = within(await canvas.findByRole('alertdialog'));
    await userEvent.click(dialog.getByRole('checkbox', { name: /i understand/i }));
    await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
    await expect(await dialog.findByText(/something went wrong/i, VISIBLE)).toBeInTheDocument();
    await expect(canvasElement).not.toHaveTextContent(/upstream/);
  },
};

/** The step-up has lapsed (`reverification_required`). */
export const ReverificationRequired: Story = {
  // Only the delete-first mode calls the adapter on confirm.
  args: { resetTiming: 'immediate' },
  parameters: { mockAdapter: { emailVerified: false } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const dialog = within(await canvas.findByRole('alertdialog'));
    await userEvent.click(dialog.getByRole('checkbox', { name: /i understand/i }));
    await userEvent.click(dialog.getByRole('button', { name: /reset and continue/i }));
    await expect(await dialog.findByText(/please confirm it’s you again/i, VISIBLE)).toBeInTheDocument();
    await expect(args.onError).toHaveBeenCalled();
  },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alertdialog');
  },
};

/** Right-to-left page direction. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alertdialog');
  },
};

/** Spanish copy. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  args: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement).findByRole('alertdialog'));
    await expect(dialog.getByRole('button', { name: /restablecer y continuar/i })).toBeInTheDocument();
  },
};
