import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters';
import { TwoFactorError } from '../core/errors';
import { TwoFactorSection } from './two-factor-section';
import { findAlertDialog } from '../../test/find-alert-dialog';

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

  it('offers Disable on a free-trial account and turns 2FA off', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true, canDisable: true });
    const onDisabled = vi.fn();
    render(<TwoFactorSection adapter={adapter} onDisabled={onDisabled} />);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.queryByText(/required on paid accounts/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Disable two-factor authentication' }));
    await waitFor(() => expect(onDisabled).toHaveBeenCalledTimes(1));
    expect(adapter.getState().twoFactorEnabled).toBe(false);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Two-factor authentication is turned off.'));
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

  it('resets the number through the confirmation dialog', async () => {
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
    expect(await screen.findByText('No phone number receives your sign-in codes yet.')).toBeInTheDocument();
    expect(adapter.getState().phoneNumber).toBeNull();
  });

  it('renders its heading at the requested level', async () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<TwoFactorSection adapter={adapter} headingLevel={5} />);
    expect(screen.getByRole('heading', { level: 5, name: 'Two-factor authentication (2FA)' })).toBeInTheDocument();
  });
});
