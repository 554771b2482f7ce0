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
    // Said visibly too, outside the live regions.
    const visible = screen.getByText('We sent you a new code.', { selector: '.tfa-delivery-status' });
    expect(visible.closest('[aria-live]')).toBeNull();
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

  it('says on the field, and out loud, that a short code is incomplete, without using an attempt', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE, maxAttempts: 5 });
    const { container } = render(<EmailCodeGate adapter={adapter} />);
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    const gate = container.querySelector('.tfa-email-gate');
    const input = screen.getByLabelText('Email verification code');

    // Verify on an empty field: the message is on the field and focus goes there to type.
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Enter all 6 digits of the code\./);
    expect(gate).toHaveAttribute('data-invalid', 'true');
    expect(input).toHaveFocus();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Enter all 6 digits of the code.'));

    // Any edit clears it.
    await user.type(input, '123');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(gate).not.toHaveAttribute('data-invalid');
    expect(screen.queryByText('Enter all 6 digits of the code.', { selector: '.tfa-field-error' })).toBeNull();

    // Enter on a partial code: the same, focus stays in the field, and a second press is read again.
    await user.keyboard('{Enter}');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveFocus();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Enter all 6 digits of the code.'));
    const firstAnnouncement = screen.getByRole('alert').firstChild;
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('alert').firstChild).not.toBe(firstAnnouncement));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter all 6 digits of the code.');
    expect(adapter.calls.filter((call) => call === 'verifyEmailCode')).toHaveLength(0);

    // No attempt was used: the first wrong code still leaves 4 of 5.
    await user.type(input, '999');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('That code is not correct. Check it and try again.', { selector: '.tfa-field-error' }))
      .toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(/4 attempts remaining\./);
  });

  it('says how long a rate-limited first send lasts once, next to Resend, and keeps Verify', async () => {
    const user = userEvent.setup();
    const mock = createMockAdapter({
      code: CODE,
      failures: { sendEmailCode: [new TwoFactorError('rate_limited', { retryAfterSeconds: 43 })] },
    });
    // A code emailed before the page loaded may still be good.
    const adapter = { ...mock, verifyEmailCode: vi.fn(async () => {}) };
    const { container } = render(
      <EmailCodeGate adapter={adapter}>
        <p>Protected settings</p>
      </EmailCodeGate>,
    );
    const gate = container.querySelector('.tfa-email-gate');
    await waitFor(() => expect(gate).toHaveAttribute('data-state', 'send-failed'));
    expect(screen.getByText('Too many requests. Please wait before trying again.', { selector: '.tfa-error' }))
      .toBeInTheDocument();
    expect(screen.getByText(/^You can request a new code in 0:4[23]$/)).toBeInTheDocument();
    expect(gate).not.toHaveTextContent(/You can try again/);
    // No empty lead paragraph (or any other empty paragraph).
    expect(container.querySelector('.tfa-lead')).toBeNull();
    expect([...container.querySelectorAll('p')].filter((p) => p.textContent === '')).toEqual([]);

    await user.type(screen.getByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Protected settings')).toBeInTheDocument();
    expect(adapter.verifyEmailCode).toHaveBeenCalledTimes(1);
  });

  it('says how long a refused resend lasts once, next to Resend', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({
      code: CODE,
      resendAfterSeconds: 0,
      failures: { sendEmailCode: [undefined, new TwoFactorError('rate_limited', { retryAfterSeconds: 43 })] },
    });
    const { container } = render(<EmailCodeGate adapter={adapter} />);
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    await user.click(screen.getByRole('button', { name: 'Resend code' }));
    expect(await screen.findByText(/^You can request a new code in 0:4[23]$/)).toBeInTheDocument();
    expect(container.querySelector('.tfa-email-gate')).not.toHaveTextContent(/You can try again/);
  });

  it('says when a refused verify may be tried again', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({
      code: CODE,
      failures: { verifyEmailCode: [new TwoFactorError('rate_limited', { retryAfterSeconds: 30 })] },
    });
    render(<EmailCodeGate adapter={adapter} />);
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    await user.type(screen.getByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/^You can try again in 0:(30|29)\.$/)).toBeInTheDocument();
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

  it('after too many attempts, disables the field and offers "Send a new code" once its wait is over', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE, maxAttempts: 1, resendAfterSeconds: 30 });
    const { container } = render(<EmailCodeGate adapter={adapter} />);
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    const input = screen.getByLabelText('Email verification code');
    await user.type(input, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    const sendNew = await screen.findByRole('button', { name: 'Send a new code' });
    expect(input).toBeDisabled();
    expect(sendNew).toHaveFocus();
    expect(container.querySelector('.tfa-email-gate')).toHaveAttribute('data-state', 'locked');
    // The email's own cooldown still runs: the button says how long, and Resend code gives way to it.
    expect(sendNew).toHaveAttribute('aria-disabled', 'true');
    expect(sendNew).toHaveAccessibleDescription(/You can request a new code in 0:(30|29)/);
    expect(screen.queryByRole('button', { name: 'Resend code' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Verify' })).toBeNull();
    await user.click(sendNew);
    expect(adapter.messages).toHaveLength(1);
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
