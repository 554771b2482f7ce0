import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters';
import { TwoFactorError } from '../core/errors';
import { TwoFactorSection } from './two-factor-section';
import type { TwoFactorStatus } from '../core/adapter';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { findAlertDialog } from '../../test/find-alert-dialog';

const TRIAL: TwoFactorStatus = { phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: true };

describe('TwoFactorSection', () => {
  it('shows the current number masked, and Reset plus the mandatory note in edit mode', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true, canDisable: false });
    const { container } = render(<TwoFactorSection adapter={adapter} className="host-class" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Two-factor authentication (2FA)' })).toBeInTheDocument();
    expect(await screen.findByText('+1 ••• ••• 0123')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reset' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const section = container.querySelector('.tfa-section');
    expect(section).toHaveAttribute('data-state', 'editing');
    expect(screen.getByRole('button', { name: 'Reset' })).toHaveAccessibleDescription('+1 ••• ••• 0123');
    expect(screen.queryByRole('button', { name: 'Disable two-factor authentication' })).not.toBeInTheDocument();
    expect(screen.getByText(/required on paid accounts/)).toBeInTheDocument();
    expect(container.firstElementChild).toHaveClass('tfa-root', 'host-class');

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(section).toHaveAttribute('data-state', 'viewing');
  });

  it('offers Disable on a free-trial account and turns 2FA off once confirmed', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true, canDisable: true });
    const onDisabled = vi.fn();
    render(<TwoFactorSection adapter={adapter} onDisabled={onDisabled} />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.queryByText(/required on paid accounts/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Disable two-factor authentication' }));
    const dialog = await findAlertDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(onDisabled).toHaveBeenCalledTimes(1));
    expect(adapter.getState().twoFactorEnabled).toBe(false);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Two-factor authentication is turned off.'));
  });

  describe('the disable confirmation', () => {
    async function openConfirmation(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
      await user.click(await screen.findByRole('button', { name: 'Edit' }));
      await user.click(screen.getByRole('button', { name: 'Disable two-factor authentication' }));
      return findAlertDialog();
    }

    it('opens an alert dialog named by its title and described by the consequence, with focus on Cancel', async () => {
      const user = userEvent.setup();
      const adapter = createMockAdapter({ emailVerified: true, canDisable: true });
      render(<TwoFactorSection adapter={adapter} />);
      const dialog = await openConfirmation(user);
      expect(dialog).toHaveAccessibleName('Turn off two-factor authentication?');
      expect(dialog).toHaveAccessibleDescription(/protected by your password alone/);
      expect(dialog).toHaveClass('tfa-dialog', 'tfa-disable-dialog');
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
      expect(within(dialog).getByRole('button', { name: 'Turn off' })).toHaveClass('tfa-button--danger');
      // Opening asks nothing of the backend yet.
      expect(adapter.calls).not.toContain('disableTwoFactor');
    });

    it('closes on Cancel without disabling and returns focus to Disable', async () => {
      const user = userEvent.setup();
      const adapter = createMockAdapter({ emailVerified: true, canDisable: true });
      const onDisabled = vi.fn();
      render(<TwoFactorSection adapter={adapter} onDisabled={onDisabled} />);
      const dialog = await openConfirmation(user);
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
      await waitFor(() => expect(screen.getByRole('button', { name: 'Disable two-factor authentication' })).toHaveFocus());
      expect(adapter.calls).not.toContain('disableTwoFactor');
      expect(adapter.getState().twoFactorEnabled).toBe(true);
      expect(onDisabled).not.toHaveBeenCalled();
    });

    it('closes on Escape without disabling and returns focus to Disable', async () => {
      const user = userEvent.setup();
      const adapter = createMockAdapter({ emailVerified: true, canDisable: true });
      render(<TwoFactorSection adapter={adapter} />);
      await openConfirmation(user);
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
      await waitFor(() => expect(screen.getByRole('button', { name: 'Disable two-factor authentication' })).toHaveFocus());
      expect(adapter.calls).not.toContain('disableTwoFactor');
    });

    it('shows the pending state on Turn off, ignores Escape and Cancel meanwhile, then focuses the heading', async () => {
      const user = userEvent.setup();
      const fake = createDeferredAdapter();
      const onDisabled = vi.fn();
      render(<TwoFactorSection adapter={fake.adapter} onDisabled={onDisabled} />);
      await waitFor(() => expect(fake.calls.getTwoFactorStatus).toHaveLength(1));
      await act(async () => fake.last('getTwoFactorStatus').resolve(TRIAL));
      const dialog = await openConfirmation(user);
      await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));

      const pending = within(dialog).getByRole('button', { name: 'Turning off…' });
      expect(pending).toHaveAttribute('aria-disabled', 'true');
      expect(pending).toHaveAttribute('data-pending', 'true');
      expect(pending).not.toBeDisabled();
      expect(dialog).toHaveAttribute('data-pending', 'true');
      const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
      expect(cancel).toHaveAttribute('aria-disabled', 'true');
      // A second press, Escape and Cancel change nothing while the request is in flight.
      await user.click(pending);
      await user.keyboard('{Escape}');
      await user.click(cancel);
      expect(screen.getByRole('alertdialog')).toBe(dialog);
      expect(fake.calls.disableTwoFactor).toHaveLength(1);

      await act(async () => fake.last('disableTwoFactor').resolve());
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
      const heading = screen.getByRole('heading', { name: 'Two-factor authentication (2FA)' });
      await waitFor(() => expect(heading).toHaveFocus());
      expect(onDisabled).toHaveBeenCalledTimes(1);
      // The reload after the disable: focus stays on the heading, never on <body>.
      await waitFor(() => expect(fake.calls.getTwoFactorStatus).toHaveLength(2));
      await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: true }));
      expect(await screen.findByText('No phone number receives your sign-in codes yet.')).toBeInTheDocument();
      expect(heading).toHaveFocus();
      expect(document.activeElement).not.toBe(document.body);
    });

    it('keeps the dialog open and explains a failure, then succeeds on a second Turn off', async () => {
      const user = userEvent.setup();
      const adapter = createMockAdapter({
        emailVerified: true,
        canDisable: true,
        failures: { disableTwoFactor: [new TwoFactorError('network')] },
      });
      const onDisabled = vi.fn();
      render(<TwoFactorSection adapter={adapter} onDisabled={onDisabled} />);
      const dialog = await openConfirmation(user);
      await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));
      await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(/couldn’t reach the server/));
      expect(screen.getByRole('alertdialog')).toBe(dialog);
      expect(within(dialog).getByRole('button', { name: 'Turn off' })).not.toHaveAttribute('aria-disabled');
      expect(onDisabled).not.toHaveBeenCalled();

      await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));
      await waitFor(() => expect(onDisabled).toHaveBeenCalledTimes(1));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
      await waitFor(() => expect(screen.getByRole('heading', { name: 'Two-factor authentication (2FA)' })).toHaveFocus());
    });

    it('shows a failure in the section after Cancel, and not again in the next confirmation', async () => {
      const user = userEvent.setup();
      const adapter = createMockAdapter({
        emailVerified: true,
        canDisable: true,
        failures: { disableTwoFactor: [new TwoFactorError('unknown')] },
      });
      const { container } = render(<TwoFactorSection adapter={adapter} />);
      const dialog = await openConfirmation(user);
      await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));
      await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(/Something went wrong/));
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
      expect(container.querySelector('.tfa-section__policy .tfa-error')).toHaveTextContent(/Something went wrong/);

      await user.click(screen.getByRole('button', { name: 'Disable two-factor authentication' }));
      const reopened = await findAlertDialog();
      expect(within(reopened).getByRole('alert')).toBeEmptyDOMElement();
    });
  });

  it('shows the no-phone state and "+ Add phone based verification"', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true, phoneNumber: null });
    const onAddPhone = vi.fn();
    render(<TwoFactorSection adapter={adapter} onAddPhone={onAddPhone} />);
    expect(await screen.findByText('No phone number receives your sign-in codes yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.queryByRole('button', { name: 'Reset' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '+ Add phone based verification' }));
    expect(onAddPhone).toHaveBeenCalledTimes(1);
  });

  it('explains a failed load and reloads with Try again', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({
      emailVerified: true,
      failures: { getTwoFactorStatus: [new TwoFactorError('network')] },
    });
    const { container } = render(<TwoFactorSection adapter={adapter} />);
    await waitFor(() => expect(container.querySelector('.tfa-section')).toHaveAttribute('data-state', 'error'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('We couldn’t load your two-factor settings.'));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('+1 ••• ••• 0123')).toBeInTheDocument();
  });

  it('records the confirmed Reset without removing the number (swap on verify)', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onReset = vi.fn();
    render(<TwoFactorSection adapter={adapter} onReset={onReset} />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    const dialog = await findAlertDialog();
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Reset and continue' }));
    await waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
    expect(adapter.calls).not.toContain('resetPhone');
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
    expect(screen.getByText(/0123$/)).toBeInTheDocument();
  });

  it('with resetTiming="immediate", removes the number through the confirmation dialog', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onReset = vi.fn();
    render(<TwoFactorSection adapter={adapter} onReset={onReset} resetTiming="immediate" />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    const dialog = await findAlertDialog();
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Reset and continue' }));
    await waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('No phone number receives your sign-in codes yet.')).toBeInTheDocument();
    expect(adapter.getState().phoneNumber).toBeNull();
  });

  it('renders its heading at the requested level', async () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<TwoFactorSection adapter={adapter} headingLevel={5} />);
    expect(screen.getByRole('heading', { level: 5, name: 'Two-factor authentication (2FA)' })).toBeInTheDocument();
  });
});
