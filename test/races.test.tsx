import { StrictMode } from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CodeVerificationStep,
  EmailCodeGate,
  PhoneEntryStep,
  ResetPhoneDialog,
  TwoFactorError,
  TwoFactorPhoneWizard,
  en,
} from '../src';
import { createDeferredAdapter } from './deferred-adapter';
import { findAlertDialog } from './find-alert-dialog';

/**
 * Races a person can start with one hand: double clicks, Enter pressed twice, auto-submit at the
 * same moment, editing while a call is in flight, and a resend while a verify is out. Every
 * adapter call here stays pending until the test settles it, so overlaps are certain, not lucky.
 */

const CODE = '123456';
const NUMBER = '+16502530000';

let consoleOutput: unknown[][] = [];
beforeEach(() => {
  consoleOutput = [];
  for (const method of ['error', 'warn'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push([method, ...args]);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** No React warning (act, keys, state updates after unmount…) was printed. */
function expectNoWarnings(): void {
  expect(consoleOutput).toEqual([]);
}

describe('one call per action, however many ways it is triggered', () => {
  it('verifies the email code once on a double click plus Enter twice', async () => {
    const user = userEvent.setup();
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    render(
      <StrictMode>
        <EmailCodeGate adapter={fake.adapter} onVerified={onVerified}>
          <p>Unlocked settings</p>
        </EmailCodeGate>
      </StrictMode>,
    );
    await waitFor(() => expect(fake.calls.sendEmailCode).toHaveLength(1));
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));

    const input = screen.getByLabelText(en.emailCodeLabel);
    await user.type(input, CODE);
    await user.dblClick(screen.getByRole('button', { name: en.verify }));
    await user.type(input, '{Enter}{Enter}');
    expect(fake.calls.verifyEmailCode).toHaveLength(1);

    await act(async () => fake.last('verifyEmailCode').resolve());
    expect(await screen.findByText('Unlocked settings')).toBeInTheDocument();
    expect(onVerified).toHaveBeenCalledTimes(1);
    expectNoWarnings();
  });

  it('verifies the phone code once when auto-submit, a double click and Enter twice come together', async () => {
    const user = userEvent.setup();
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    render(<CodeVerificationStep adapter={fake.adapter} phoneNumber={NUMBER} onVerified={onVerified} />);

    const input = screen.getByLabelText(en.phoneCodeLabel);
    await user.type(input, CODE.slice(0, 5));
    expect(fake.calls.verifyPhoneCode).toHaveLength(0);
    // The sixth digit auto-submits; the click, the double click and the Enter keys pile on.
    await user.type(input, CODE.slice(5));
    await user.dblClick(screen.getByRole('button', { name: en.verifying }));
    await user.type(input, '{Enter}{Enter}');
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expect(fake.last('verifyPhoneCode').request).toMatchObject({ phoneNumber: NUMBER, code: CODE });

    await act(async () => fake.last('verifyPhoneCode').resolve({ recoveryCode: 'ABCD-EFGH-JKMN-PQRS' }));
    expect(onVerified).toHaveBeenCalledTimes(1);
    expectNoWarnings();
  });

  it('verifies once when completion, clicks and submits land in the very same tick', () => {
    const fake = createDeferredAdapter();
    const { container } = render(<CodeVerificationStep adapter={fake.adapter} phoneNumber={NUMBER} />);
    const input = screen.getByLabelText(en.phoneCodeLabel);
    const verify = screen.getByRole('button', { name: en.verify });
    const form = container.querySelector('form');
    if (!form) throw new Error('No form');
    // One act: no render between them, so only a synchronous guard can tell them apart.
    act(() => {
      fireEvent.change(input, { target: { value: CODE } });
      fireEvent.click(verify);
      fireEvent.click(verify);
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expectNoWarnings();
  });

  it('sends one phone code on a double click plus Enter twice', async () => {
    const user = userEvent.setup();
    const fake = createDeferredAdapter();
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={fake.adapter} defaultCountry="US" onCodeSent={onCodeSent} />);

    const input = screen.getByLabelText(en.phoneLabel);
    await user.type(input, '6502530000');
    await user.dblClick(screen.getByRole('button', { name: en.sendSms }));
    await user.type(input, '{Enter}{Enter}');
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(1));

    await act(async () => fake.last('sendPhoneCode').resolve({}));
    expect(onCodeSent).toHaveBeenCalledTimes(1);
    expect(fake.calls.sendPhoneCode).toHaveLength(1);
    expectNoWarnings();
  });

  it('resets once on a double click of "Reset and continue"', async () => {
    const user = userEvent.setup();
    const fake = createDeferredAdapter();
    const onReset = vi.fn();
    render(<ResetPhoneDialog adapter={fake.adapter} defaultOpen onReset={onReset} resetTiming="immediate" />);
    const dialog = await findAlertDialog();
    await user.click(within(dialog).getByRole('checkbox'));
    await user.dblClick(within(dialog).getByRole('button', { name: en.resetConfirm }));
    expect(fake.calls.resetPhone).toHaveLength(1);

    await act(async () => fake.last('resetPhone').resolve());
    expect(onReset).toHaveBeenCalledTimes(1);
    expectNoWarnings();
  });
});

describe('a newer intent cancels the older call, never a verify in flight', () => {
  it('cancels a send in flight when the number is changed, and drops its late answer', async () => {
    const user = userEvent.setup();
    const fake = createDeferredAdapter();
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={fake.adapter} defaultCountry="US" onCodeSent={onCodeSent} />);

    const input = screen.getByLabelText(en.phoneLabel);
    await user.type(input, '6502530000');
    await user.click(screen.getByRole('button', { name: en.sendSms }));
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(1));
    const first = fake.last('sendPhoneCode');
    expect(first.request.phoneNumber).toBe(NUMBER);

    await user.clear(input);
    await user.type(input, '4155550123');
    expect(first.request.signal.aborted).toBe(true);
    // The send button is usable again at once, not stuck on "Sending code…".
    expect(screen.getByRole('button', { name: en.sendSms })).not.toHaveAttribute('aria-disabled');

    await act(async () => first.resolve({}));
    expect(onCodeSent).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: en.sendSms }));
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(2));
    expect(fake.last('sendPhoneCode').request.phoneNumber).toBe('+14155550123');
    await act(async () => fake.last('sendPhoneCode').resolve({}));
    expect(onCodeSent).toHaveBeenCalledTimes(1);
    expect(onCodeSent).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '+14155550123' }));
    expectNoWarnings();
  });

  it('keeps the wizard on phone entry when a send for a number since changed answers late', async () => {
    const user = userEvent.setup();
    const fake = createDeferredAdapter();
    render(<TwoFactorPhoneWizard adapter={fake.adapter} onComplete={() => {}} defaultCountry="US" />);
    // The first status read finds no fresh step-up: the gate sends its email.
    await waitFor(() => expect(fake.calls.getTwoFactorStatus).toHaveLength(1));
    await act(async () => fake.last('getTwoFactorStatus').reject(new TwoFactorError('reverification_required')));
    await waitFor(() => expect(fake.calls.sendEmailCode).toHaveLength(1));
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    await user.type(screen.getByLabelText(en.emailCodeLabel), CODE);
    await user.click(screen.getByRole('button', { name: en.verify }));
    await act(async () => fake.last('verifyEmailCode').resolve());
    await waitFor(() => expect(fake.calls.getTwoFactorStatus).toHaveLength(2));
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    await user.click(await screen.findByRole('button', { name: en.edit }));
    await user.click(screen.getByRole('button', { name: en.addPhone }));

    const input = await screen.findByLabelText(en.phoneLabel);
    await user.type(input, '6502530000');
    await user.click(screen.getByRole('button', { name: en.sendSms }));
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(1));
    await user.type(input, '{Backspace}1');
    await act(async () => fake.calls.sendPhoneCode[0]?.resolve({}));

    expect(screen.getByRole('heading', { name: en.phoneEntryHeading })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: en.codeVerificationHeading })).not.toBeInTheDocument();
    expect(input).toHaveValue('(650) 253-0001');
    expectNoWarnings();
  });

  it('keeps a phone-code verify in flight when Resend, a call or Change number is pressed, and delivers its answer', async () => {
    const user = userEvent.setup();
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    const onChangeNumber = vi.fn();
    render(
      <CodeVerificationStep
        adapter={fake.adapter}
        phoneNumber={NUMBER}
        onVerified={onVerified}
        onChangeNumber={onChangeNumber}
        defaultHelpOpen
      />,
    );

    const input = screen.getByLabelText(en.phoneCodeLabel);
    await user.type(input, CODE);
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    const verify = fake.last('verifyPhoneCode');

    // Clicked, not only looked at: the guard is in the hook, not in aria-disabled alone.
    for (const name of [en.resendSms, en.switchToCall, en.changeNumber, en.useAnotherNumber]) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      fireEvent.click(button);
    }
    expect(fake.calls.sendPhoneCode).toHaveLength(0);
    expect(onChangeNumber).not.toHaveBeenCalled();
    expect(verify.request.signal.aborted).toBe(false);

    await act(async () => verify.resolve({ recoveryCode: 'NEW0-NEW0-NEW0-NEW0' }));
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(onVerified).toHaveBeenCalledWith({ recoveryCode: 'NEW0-NEW0-NEW0-NEW0' });
    expectNoWarnings();
  });

  it('keeps an email-code verify in flight when Resend is pressed, and unlocks with its answer', async () => {
    const user = userEvent.setup();
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    render(
      <EmailCodeGate adapter={fake.adapter} onVerified={onVerified}>
        <p>Unlocked settings</p>
      </EmailCodeGate>,
    );
    await waitFor(() => expect(fake.calls.sendEmailCode).toHaveLength(1));
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));

    await user.type(screen.getByLabelText(en.emailCodeLabel), '111111');
    await user.click(screen.getByRole('button', { name: en.verify }));
    const verify = fake.last('verifyEmailCode');
    fireEvent.click(screen.getByRole('button', { name: en.resend }));
    expect(fake.calls.sendEmailCode).toHaveLength(1);
    expect(verify.request.signal.aborted).toBe(false);

    await act(async () => verify.resolve());
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Unlocked settings')).toBeInTheDocument();
    expectNoWarnings();
  });
});
