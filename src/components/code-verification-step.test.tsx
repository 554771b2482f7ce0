import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters';
import type { MockAdapterOptions } from '../adapters';
import { TwoFactorError } from '../core/errors';
import { CodeVerificationStep } from './code-verification-step';

const CODE = '123456';
const NUMBER = '+16502530000';

/** A mock backend that already sent a code to NUMBER, as phone entry would have. */
async function adapterWithSentCode(options: MockAdapterOptions = {}) {
  // No phone yet: the step alone verifies a first phone (`replacesCurrent: false`), which the mock
  // refuses while the account has one.
  const adapter = createMockAdapter({
    emailVerified: true,
    phoneNumber: null,
    code: CODE,
    recoveryCode: 'ABCD-EFGH-JKMN-PQRS',
    ...options,
  });
  await adapter.sendPhoneCode({ phoneNumber: NUMBER, channel: 'sms', signal: new AbortController().signal });
  return adapter;
}

describe('CodeVerificationStep', () => {
  it('says where the code went and hands over the recovery code once it verifies', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode();
    const onVerified = vi.fn();
    render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} onVerified={onVerified} />);
    expect(screen.getByRole('heading', { name: 'Enter the code' })).toBeInTheDocument();
    // The number's metadata loads on demand (the wizard has it already from phone entry).
    expect(await screen.findByText('We sent a code to +1 650 253 0000')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(onVerified).toHaveBeenCalledWith({ recoveryCode: 'ABCD-EFGH-JKMN-PQRS' }));
    expect(adapter.calls.filter((call) => call === 'verifyPhoneCode')).toHaveLength(1);
  });

  it('verifies a pasted code with spaces and fullwidth digits', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode();
    const onVerified = vi.fn();
    render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} onVerified={onVerified} />);
    await user.click(screen.getByLabelText('Verification code'));
    await user.paste('１２３ ４５６');
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
  });

  it('keeps the typed code and shows the attempts left when the code is wrong', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode({ maxAttempts: 5 });
    const onVerified = vi.fn();
    const { container } = render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} onVerified={onVerified} />);
    const input = screen.getByLabelText('Verification code');
    await user.type(input, '000000');
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('That code is not correct. Check it and try again. 4 attempts remaining.'),
    );
    expect(input).toHaveValue('000000');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/4 attempts remaining/);
    expect(container.querySelector('.tfa-code-verification')).toHaveAttribute('data-invalid', 'true');
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('says a short code is incomplete when Verify is pressed, without calling the backend', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode();
    const { container } = render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} />);
    const input = screen.getByLabelText('Verification code');
    await user.type(input, '1234');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Enter all 6 digits of the code\./);
    expect(input).toHaveFocus();
    expect(container.querySelector('.tfa-code-verification')).toHaveAttribute('data-invalid', 'true');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Enter all 6 digits of the code.'));
    expect(adapter.calls.filter((call) => call === 'verifyPhoneCode')).toHaveLength(0);

    await user.type(input, '5');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Enter all 6 digits of the code.', { selector: '.tfa-field-error' })).toBeNull();
  });

  it('verifies a new code pasted over a rejected one', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode();
    const onVerified = vi.fn();
    render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} onVerified={onVerified} />);
    const input = screen.getByLabelText('Verification code');
    await user.type(input, '999999');
    await screen.findByText('That code is not correct. Check it and try again.', { selector: '.tfa-field-error' });
    await user.tripleClick(input);
    await user.paste(CODE);
    await waitFor(() => expect(onVerified).toHaveBeenCalledWith({ recoveryCode: 'ABCD-EFGH-JKMN-PQRS' }));
    expect(adapter.calls.filter((call) => call === 'verifyPhoneCode')).toHaveLength(2);
  });

  it('shows the resend countdown outside the live regions', async () => {
    const adapter = await adapterWithSentCode();
    const { container } = render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} resendAfterSeconds={30} />);
    const countdown = screen.getByText(/You can request a new code in 0:(30|29)/, { selector: '.tfa-hint .tfa-countdown' });
    expect(countdown).toBeVisible();
    expect(countdown.closest('[aria-live]')).toBeNull();
    // One cooldown per delivery: a call waits for it like a new SMS does.
    expect(screen.getByRole('button', { name: 'Resend code by SMS' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Receive a call' })).toHaveAttribute('aria-disabled', 'true');
    for (const region of container.querySelectorAll('[aria-live]')) {
      expect(region).not.toHaveTextContent(/You can request a new code/);
    }
  });

  it('switches to a voice call with "Receive a call" and says so', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode({ resendAfterSeconds: 0 });
    const onCodeSent = vi.fn();
    const { container } = render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} onCodeSent={onCodeSent} />);
    await user.click(screen.getByRole('button', { name: 'Receive a call' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledWith(expect.objectContaining({ channel: 'call' })));
    expect(screen.getByText('Calling +1 650 253 0000…', { selector: '.tfa-lead' })).toBeVisible();
    expect(container.querySelector('.tfa-code-verification')).toHaveAttribute('data-channel', 'call');
    expect(screen.getByRole('button', { name: 'Resend code by SMS' })).toBeInTheDocument();
    expect(adapter.messages.at(-1)?.kind).toBe('call');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Calling +1 650 253 0000…'));
  });

  it('shows when to retry when the call is rate limited', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode({
      // The first send is the one phone entry made; the second is the call.
      failures: { sendPhoneCode: [undefined, new TwoFactorError('rate_limited', { retryAfterSeconds: 45 })] },
    });
    render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} />);
    await user.click(screen.getByRole('button', { name: 'Receive a call' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many requests.'));
    expect(screen.getByText(/You can try again in 0:(45|44)\./)).toBeInTheDocument();
    expect(screen.getByText('We sent a code to +1 650 253 0000')).toBeInTheDocument();
  });

  it('goes back with "Change number"', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode();
    const onChangeNumber = vi.fn();
    render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} onChangeNumber={onChangeNumber} />);
    await user.click(screen.getByRole('button', { name: 'Change number' }));
    expect(onChangeNumber).toHaveBeenCalledTimes(1);
  });

  it('offers, under an open "Didn’t get a code?", a new SMS, a call and another number, in that order, with honest timing', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode();
    render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} resendAfterSeconds={30} onChangeNumber={() => {}} />);
    const toggle = screen.getByRole('button', { name: 'Didn’t get a code?' });
    // Open by default: "Receive a call" stays one click away, as on the product's code step.
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(panel).toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(panel).not.toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toBeVisible();
    expect(within(panel!).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Resend code by SMS',
      'Receive a call',
      'Use another number',
    ]);
    // No invented expiry time; the wait is the real one.
    expect(panel).toHaveTextContent('Codes expire after a few minutes.');
    expect(panel).toHaveTextContent(/You can request a new code in 0:(30|29)/);
    expect(within(panel!).getByRole('button', { name: 'Receive a call' })).toHaveAccessibleDescription(
      /You can request a new code in 0:(30|29)/,
    );
  });

  it('says visibly that a new SMS was sent', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode({ resendAfterSeconds: 0 });
    render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} defaultHelpOpen />);
    await user.click(screen.getByRole('button', { name: 'Resend code by SMS' }));
    const status = await screen.findByText('We sent you a new code.', { selector: '.tfa-delivery-status' });
    expect(status.closest('[aria-live]')).toBeNull();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('We sent you a new code.'));
    expect(screen.getByRole('button', { name: 'Resend code by SMS' })).not.toHaveAttribute('aria-disabled');
  });

  it('after too many attempts, disables the field, never sends a code typed then, and offers a new code or another number', async () => {
    const user = userEvent.setup();
    const adapter = await adapterWithSentCode({ maxAttempts: 1, resendAfterSeconds: 0 });
    const onChangeNumber = vi.fn();
    const onVerified = vi.fn();
    const { container } = render(
      <CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} onChangeNumber={onChangeNumber} onVerified={onVerified} />,
    );
    const input = screen.getByLabelText('Verification code');
    await user.type(input, '000000');
    const sendNew = await screen.findByRole('button', { name: 'Send a new code' });
    expect(input).toBeDisabled();
    expect(sendNew).toHaveFocus();
    expect(container.querySelector('.tfa-code-verification')).toHaveAttribute('data-state', 'locked');
    expect(screen.getByText('This code can no longer be used. Send a new code to continue.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Verify' })).toBeNull();
    // A correct code typed now (the field is disabled; a script could still try) is not sent.
    fireEvent.change(input, { target: { value: CODE } });
    expect(adapter.calls.filter((call) => call === 'verifyPhoneCode')).toHaveLength(1);

    await user.click(within(container.querySelector('.tfa-actions')!).getByRole('button', { name: 'Use another number' }));
    expect(onChangeNumber).toHaveBeenCalledTimes(1);
    await user.click(sendNew);
    await waitFor(() => expect(input).toBeEnabled());
    expect(input).toHaveValue('');
    // Focus follows: the button that asked for the code is gone, the field takes the new one.
    await waitFor(() => expect(input).toHaveFocus());
    await user.type(input, CODE);
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
  });

  it('renders the Spanish copy', async () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} channel="call" locale="es" />);
    // Spanish loads on demand when only `locale` asks for it.
    expect(await screen.findByRole('heading', { name: 'Introduce el código' })).toBeInTheDocument();
    expect(await screen.findByText('Llamando a +1 650 253 0000…')).toBeInTheDocument();
    expect(screen.getByLabelText('Código de verificación')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '¿No recibiste el código?' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: 'Reenviar el código por SMS' })).toBeInTheDocument();
    expect(screen.getByText('Los códigos caducan a los pocos minutos.', { exact: false })).toBeInTheDocument();
  });
});
