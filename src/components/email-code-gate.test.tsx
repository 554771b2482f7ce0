import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters';
import { TwoFactorError } from '../core/errors';
import { EmailCodeGate } from './email-code-gate';

const CODE = '123456';

describe('EmailCodeGate', () => {
  it('renders its children only after the emailed code verifies', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE });
    const onVerified = vi.fn();
    render(
      <EmailCodeGate adapter={adapter} onVerified={onVerified}>
        <p>Protected settings</p>
      </EmailCodeGate>,
    );
    expect(screen.getByRole('heading', { name: 'Confirm it’s you' })).toBeInTheDocument();
    expect(await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' })).toBeInTheDocument();
    expect(screen.queryByText('Protected settings')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('Protected settings')).toBeInTheDocument();
    expect(screen.queryByLabelText('Email verification code')).not.toBeInTheDocument();
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(onVerified).toHaveBeenCalledWith();
  });

  it('keeps the typed code and announces the error when it is wrong', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE });
    render(
      <EmailCodeGate adapter={adapter}>
        <p>Protected settings</p>
      </EmailCodeGate>,
    );
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    const input = screen.getByLabelText('Email verification code');
    await user.type(input, '999999');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('That code is not correct. Check it and try again.'),
    );
    expect(input).toHaveValue('999999');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/That code is not correct/);
    expect(screen.queryByText('Protected settings')).not.toBeInTheDocument();
  });

  it('shows the attempts left when the code is wrong, as code verification does', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE, maxAttempts: 5 });
    const { container } = render(<EmailCodeGate adapter={adapter} />);
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    const input = screen.getByLabelText('Email verification code');
    await user.type(input, '999999');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('That code is not correct. Check it and try again. 4 attempts remaining.'),
    );
    expect(input).toHaveAccessibleDescription('Enter the 6-digit code. 4 attempts remaining. That code is not correct. Check it and try again.');
    expect(container.querySelector('.tfa-email-gate')).toHaveAttribute('data-invalid', 'true');

    // Editing the code clears the error, and the count goes with it.
    await user.type(input, '{Backspace}');
    expect(input).toHaveAccessibleDescription('Enter the 6-digit code.');
  });

  it('shows the resend cooldown as visible text outside the live regions', async () => {
    const adapter = createMockAdapter({ code: CODE, resendAfterSeconds: 30 });
    const { container } = render(<EmailCodeGate adapter={adapter} />);
    const countdown = await screen.findByText(/You can request a new code in 0:(30|29)/);
    expect(countdown.closest('[aria-live]')).toBeNull();
    const resend = screen.getByRole('button', { name: 'Resend code' });
    expect(resend).toHaveAttribute('aria-disabled', 'true');
    expect(resend).toHaveAccessibleDescription(/You can request a new code/);
    for (const region of container.querySelectorAll('[aria-live]')) {
      expect(region).not.toHaveTextContent(/You can request a new code/);
    }
  });

  it('sends a new code with Resend once the cooldown allows', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE, resendAfterSeconds: 0 });
    render(<EmailCodeGate adapter={adapter} />);
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    await user.click(screen.getByRole('button', { name: 'Resend code' }));
    await waitFor(() => expect(adapter.messages).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('We sent you a new code.'));
  });

  it('explains a failed send and lets the user retry', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({
      code: CODE,
      failures: { sendEmailCode: [new TwoFactorError('network')] },
    });
    const { container } = render(<EmailCodeGate adapter={adapter} />);
    const gate = container.querySelector('.tfa-email-gate');
    await waitFor(() => expect(gate).toHaveAttribute('data-state', 'send-failed'));
    // Shown next to the form, and read out once through the assertive region.
    expect(
      within(gate as HTMLElement).getByText('We couldn’t reach the server. Check your connection and try again.', {
        selector: '.tfa-error',
      }),
    ).toBeInTheDocument();
    // The announcement is written a moment after the error renders (so a screen reader notices the
    // change); wait for it rather than racing it.
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('We couldn’t reach the server.'));
    await user.click(screen.getByRole('button', { name: 'Resend code' }));
    expect(await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' })).toBeInTheDocument();
  });

  it('shows a generic message, never the raw text, for an unexpected failure', async () => {
    const adapter = createMockAdapter({
      code: CODE,
      failures: { sendEmailCode: [new Error('SQL error at users.email')] },
    });
    render(<EmailCodeGate adapter={adapter} />);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong. Please try again.'));
    expect(screen.queryByText(/SQL error/)).not.toBeInTheDocument();
  });

  it('keeps Verify focusable but inert while the code is checked', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE, latencyMs: 200 });
    render(<EmailCodeGate adapter={adapter} />);
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    await user.type(screen.getByLabelText('Email verification code'), CODE);
    const verify = screen.getByRole('button', { name: 'Verify' });
    await user.click(verify);
    const pending = screen.getByRole('button', { name: 'Verifying…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveAttribute('data-pending', 'true');
    expect(pending).not.toBeDisabled();
    await user.click(pending);
    expect(adapter.calls.filter((call) => call === 'verifyEmailCode')).toHaveLength(1);
  });
});
