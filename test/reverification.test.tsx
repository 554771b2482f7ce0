import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError, TwoFactorPhoneWizard, createMockAdapter, en, transition, useTwoFactorPhoneWizard } from '../src';
import type { MockAdapter, MockAdapterOptions, TwoFactorPhoneWizardProps } from '../src';
import { createDeferredAdapter } from './deferred-adapter';
import { findAlertDialog } from './find-alert-dialog';

/**
 * Step-up re-verification. The backend may answer `reverification_required` at any step after the
 * email gate: the wizard locks behind the gate again (a new emailed code) and, once that verifies,
 * resumes where the user was, with what they had entered. Separately, removing the current phone
 * needs a recent verification: past `reverifyAfterMs` (20 minutes by default) Reset, and Disable,
 * re-lock first.
 */

const CODE = '123456';
const MASKED_EMAIL = 'j•••@example.com';
const TWENTY_MINUTES = 20 * 60 * 1000;

type User = ReturnType<typeof userEvent.setup>;

afterEach(() => {
  vi.useRealTimers();
});

function setup(options: MockAdapterOptions = {}, props: Partial<TwoFactorPhoneWizardProps> = {}) {
  const adapter = createMockAdapter({ code: CODE, resendAfterSeconds: 0, recoveryCode: 'ABCD-EFGH-JKMN-PQRS', ...options });
  const onError = vi.fn();
  const onStepChange = vi.fn();
  render(
    <TwoFactorPhoneWizard
      adapter={adapter}
      onComplete={() => {}}
      onError={onError}
      onStepChange={onStepChange}
      defaultCountry="US"
      {...props}
    />,
  );
  return { adapter, onError, onStepChange };
}

function countCalls(adapter: MockAdapter, method: MockAdapter['calls'][number]): number {
  return adapter.calls.filter((call) => call === method).length;
}

/** Waits for the gate's emailed code, types it and verifies. */
async function verifyEmail(user: User): Promise<void> {
  await screen.findByText(en.emailGateSent(MASKED_EMAIL), { selector: '.tfa-lead' });
  await user.type(screen.getByLabelText(en.emailCodeLabel), CODE);
  await user.click(screen.getByRole('button', { name: en.verify }));
}

/** The gate is back: its heading has focus and a new code went out. */
async function expectRelockedAtGate(adapter: MockAdapter, sendsBefore: number): Promise<void> {
  const heading = await screen.findByRole('heading', { name: en.emailGateHeading });
  await waitFor(() => expect(heading).toHaveFocus());
  await waitFor(() => expect(countCalls(adapter, 'sendEmailCode')).toBe(sendsBefore + 1));
}

async function openEditing(user: User): Promise<void> {
  await user.click(await screen.findByRole('button', { name: en.edit }));
}

async function openResetDialog(user: User): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: en.reset }));
  return findAlertDialog();
}

async function confirmReset(user: User, dialog: HTMLElement): Promise<void> {
  await user.click(within(dialog).getByRole('checkbox'));
  await user.click(within(dialog).getByRole('button', { name: en.resetConfirm }));
}

/** Disable, then "Turn off" in its confirmation. */
async function confirmDisable(user: User): Promise<void> {
  await user.click(await screen.findByRole('button', { name: en.disable }));
  const dialog = await findAlertDialog();
  await user.click(within(dialog).getByRole('button', { name: en.disableConfirm }));
}

async function addPhoneAndSend(user: User): Promise<void> {
  await openEditing(user);
  await user.click(screen.getByRole('button', { name: en.addPhone }));
  await user.type(await screen.findByLabelText(en.phoneLabel), '6502530000');
  await user.click(screen.getByRole('button', { name: en.sendSms }));
}

async function finishWithPhoneCode(user: User): Promise<void> {
  await user.type(await screen.findByLabelText(en.phoneCodeLabel), CODE);
  expect(await screen.findByRole('heading', { name: en.recoveryHeading })).toBeInTheDocument();
}

const REVERIFY = (): TwoFactorError => new TwoFactorError('reverification_required');

describe('reverification_required from a later step', () => {
  it('while loading the 2FA section: re-locks, then loads the section', async () => {
    const user = userEvent.setup();
    // The first read is the wizard's own check (refused: no step-up yet); the second, after the
    // email code, is refused by the script.
    const { adapter, onError } = setup({ failures: { getTwoFactorStatus: [undefined, REVERIFY()] } });
    await verifyEmail(user);

    await expectRelockedAtGate(adapter, 1);
    expect(onError).toHaveBeenCalledWith({ error: expect.objectContaining({ code: 'reverification_required' }) });
    await verifyEmail(user);
    expect(await screen.findByText('+1 ••• ••• 0123')).toBeInTheDocument();
    expect(countCalls(adapter, 'getTwoFactorStatus')).toBe(3);
  });

  it('on "Reset and continue" (resetTiming="immediate"): re-locks, resumes in edit mode, and the reset then goes through', async () => {
    const user = userEvent.setup();
    const { adapter } = setup({ failures: { resetPhone: [REVERIFY()] } }, { resetTiming: 'immediate' });
    await verifyEmail(user);
    await openEditing(user);
    await confirmReset(user, await openResetDialog(user));

    await expectRelockedAtGate(adapter, 1);
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
    await verifyEmail(user);
    // Edit mode, not the destructive dialog reopening by itself.
    expect(await screen.findByRole('button', { name: en.reset })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await confirmReset(user, await openResetDialog(user));
    expect(await screen.findByRole('heading', { name: en.addPhoneHeading })).toBeInTheDocument();
    expect(adapter.getState().phoneNumber).toBeNull();
  });

  it('on sending a code to the new number: re-locks, then resumes with the number still filled in', async () => {
    const user = userEvent.setup();
    const { adapter } = setup({ phoneNumber: null, failures: { sendPhoneCode: [REVERIFY()] } });
    await verifyEmail(user);
    await addPhoneAndSend(user);

    await expectRelockedAtGate(adapter, 1);
    await verifyEmail(user);
    await screen.findByRole('heading', { name: en.phoneEntryHeading });
    expect((screen.getByLabelText(en.phoneLabel) as HTMLInputElement).value).toMatch(/650\D*253\D*0000/);

    await user.click(screen.getByRole('button', { name: en.sendSms }));
    await finishWithPhoneCode(user);
    expect(adapter.getState().phoneNumber).toBe('+16502530000');
  });

  it('on a resend from code verification: re-locks, then resumes on the same number', async () => {
    const user = userEvent.setup();
    const { adapter } = setup({ phoneNumber: null, failures: { sendPhoneCode: [undefined, REVERIFY()] } });
    await verifyEmail(user);
    await addPhoneAndSend(user);
    await user.click(await screen.findByRole('button', { name: en.resendSms }));

    await expectRelockedAtGate(adapter, 1);
    await verifyEmail(user);
    expect(await screen.findByText('We sent a code to +1 650 253 0000', { selector: '.tfa-lead' })).toBeInTheDocument();
    await finishWithPhoneCode(user);
  });

  it('on verifying the phone code: re-locks, then resumes on code entry for the same number', async () => {
    const user = userEvent.setup();
    const { adapter } = setup({ phoneNumber: null, failures: { verifyPhoneCode: [REVERIFY()] } });
    await verifyEmail(user);
    await addPhoneAndSend(user);
    await user.type(await screen.findByLabelText(en.phoneCodeLabel), CODE);

    await expectRelockedAtGate(adapter, 1);
    await verifyEmail(user);
    expect(await screen.findByText('We sent a code to +1 650 253 0000', { selector: '.tfa-lead' })).toBeInTheDocument();
    // The phone code itself is not carried across the gate: it is typed again.
    expect(screen.getByLabelText(en.phoneCodeLabel)).toHaveValue('');
    await finishWithPhoneCode(user);
    expect(countCalls(adapter, 'verifyPhoneCode')).toBe(2);
  });

  it('on disabling 2FA: re-locks, then resumes in edit mode', async () => {
    const user = userEvent.setup();
    const { adapter } = setup({ canDisable: true, failures: { disableTwoFactor: [REVERIFY()] } });
    await verifyEmail(user);
    await openEditing(user);
    await confirmDisable(user);

    await expectRelockedAtGate(adapter, 1);
    await verifyEmail(user);
    // Edit mode, not the confirmation reopening by itself.
    expect(await screen.findByRole('button', { name: en.disable })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await confirmDisable(user);
    expect(await screen.findByText(en.sectionNoPhone)).toBeInTheDocument();
  });

  it('keeps the refused number in the resume target (machine)', () => {
    const resumed = transition(
      transition(
        { step: 'phone-entry', phoneNumber: null, change: 'add', stepUp: null },
        { type: 'REVERIFICATION.REQUIRED', phoneNumber: '+16502530000' },
      ),
      { type: 'EMAIL_CODE_GATE.VERIFIED' },
    );
    expect(resumed).toMatchObject({ step: 'phone-entry', phoneNumber: '+16502530000', change: 'add' });
  });
});

describe('freshness window before removing the phone (reverifyAfterMs)', () => {
  /** Moves the wall clock only, as a laptop waking from sleep would see it. */
  function useMovableClock(): void {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  }
  function passTime(ms: number): void {
    vi.setSystemTime(Date.now() + ms);
  }

  it('re-locks when Reset is pressed more than 20 minutes after the email verification, then resumes', async () => {
    useMovableClock();
    const user = userEvent.setup();
    const { adapter } = setup({}, { resetTiming: 'immediate' });
    await verifyEmail(user);
    await openEditing(user);

    passTime(TWENTY_MINUTES + 1000);
    await user.click(screen.getByRole('button', { name: en.reset }));
    await expectRelockedAtGate(adapter, 1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await verifyEmail(user);
    // The window runs from the latest verification: 10 minutes on, 31 after the first, it is fresh.
    passTime(10 * 60 * 1000);
    await confirmReset(user, await openResetDialog(user));
    expect(await screen.findByRole('heading', { name: en.addPhoneHeading })).toBeInTheDocument();
    expect(countCalls(adapter, 'resetPhone')).toBe(1);
    expect(countCalls(adapter, 'sendEmailCode')).toBe(2);
  });

  it('re-locks when the reset is confirmed after the window ran out with the dialog open, without calling resetPhone', async () => {
    useMovableClock();
    const user = userEvent.setup();
    const { adapter } = setup({}, { resetTiming: 'immediate' });
    await verifyEmail(user);
    await openEditing(user);
    const dialog = await openResetDialog(user);

    passTime(TWENTY_MINUTES + 1000);
    await confirmReset(user, dialog);
    await expectRelockedAtGate(adapter, 1);
    expect(adapter.calls).not.toContain('resetPhone');
    expect(adapter.getState().phoneNumber).toBe('+14155550123');

    await verifyEmail(user);
    await confirmReset(user, await openResetDialog(user));
    expect(await screen.findByRole('heading', { name: en.addPhoneHeading })).toBeInTheDocument();
    expect(countCalls(adapter, 'resetPhone')).toBe(1);
  });

  it('re-locks when Disable is pressed after the window ran out, before its confirmation opens, then resumes', async () => {
    useMovableClock();
    const user = userEvent.setup();
    const { adapter } = setup({ canDisable: true });
    await verifyEmail(user);
    await openEditing(user);

    passTime(TWENTY_MINUTES + 1000);
    await user.click(await screen.findByRole('button', { name: en.disable }));
    await expectRelockedAtGate(adapter, 1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(adapter.calls).not.toContain('disableTwoFactor');

    // Back in edit mode after the new code: one confirmation turns 2FA off.
    await verifyEmail(user);
    await confirmDisable(user);
    expect(await screen.findByText(en.sectionNoPhone)).toBeInTheDocument();
    expect(countCalls(adapter, 'disableTwoFactor')).toBe(1);
  });

  it('re-locks when the disable is confirmed after the window ran out with the dialog open, without calling disableTwoFactor', async () => {
    useMovableClock();
    const user = userEvent.setup();
    const { adapter } = setup({ canDisable: true });
    await verifyEmail(user);
    await openEditing(user);
    await user.click(await screen.findByRole('button', { name: en.disable }));
    const dialog = await findAlertDialog();

    passTime(TWENTY_MINUTES + 1000);
    await user.click(within(dialog).getByRole('button', { name: en.disableConfirm }));
    await expectRelockedAtGate(adapter, 1);
    expect(adapter.calls).not.toContain('disableTwoFactor');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await verifyEmail(user);
    await confirmDisable(user);
    expect(await screen.findByText(en.sectionNoPhone)).toBeInTheDocument();
    expect(countCalls(adapter, 'disableTwoFactor')).toBe(1);
  });

  it('does not re-lock at exactly 20 minutes', async () => {
    useMovableClock();
    const user = userEvent.setup();
    const { adapter } = setup();
    await verifyEmail(user);
    await openEditing(user);
    // The window is measured from the moment the gate verified; the click itself takes a moment.
    passTime(TWENTY_MINUTES - 1000);
    await confirmReset(user, await openResetDialog(user));
    expect(await screen.findByRole('heading', { name: en.addPhoneHeading })).toBeInTheDocument();
    expect(countCalls(adapter, 'sendEmailCode')).toBe(1);
  });

  it('uses the reverifyAfterMs prop', async () => {
    useMovableClock();
    const user = userEvent.setup();
    const { adapter } = setup({}, { reverifyAfterMs: 60_000 });
    await verifyEmail(user);
    await openEditing(user);
    passTime(61_000);
    await user.click(screen.getByRole('button', { name: en.reset }));
    await expectRelockedAtGate(adapter, 1);
  });

  it('never re-locks with reverifyAfterMs={Infinity}', async () => {
    useMovableClock();
    const user = userEvent.setup();
    const { adapter } = setup({}, { reverifyAfterMs: Number.POSITIVE_INFINITY });
    await verifyEmail(user);
    await openEditing(user);
    passTime(24 * 60 * 60 * 1000);
    await confirmReset(user, await openResetDialog(user));
    expect(await screen.findByRole('heading', { name: en.addPhoneHeading })).toBeInTheDocument();
    expect(countCalls(adapter, 'sendEmailCode')).toBe(1);
  });
});

describe('the adapter useTwoFactorPhoneWizard hands to the steps', () => {
  it('refuses resetPhone with reverification_required once the verification is stale, without asking the backend', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useTwoFactorPhoneWizard({ adapter: fake.adapter }));
    const signal = new AbortController().signal;
    // Never verified: refused.
    await expect(result.current.adapter.resetPhone!({ signal })).rejects.toMatchObject({ code: 'reverification_required' });

    await act(async () => {});
    await act(async () => fake.last('getTwoFactorStatus').reject(new TwoFactorError('reverification_required')));
    act(() => result.current.handlers.onEmailVerified());
    void result.current.adapter.resetPhone!({ signal });
    expect(fake.calls.resetPhone).toHaveLength(1);

    vi.setSystemTime(Date.now() + TWENTY_MINUTES + 1);
    await expect(result.current.adapter.resetPhone!({ signal })).rejects.toMatchObject({ code: 'reverification_required' });
    expect(fake.calls.resetPhone).toHaveLength(1);
  });

  it('calls an adapter written as a class with its own `this`', async () => {
    class Backend {
      private readonly maskedEmail: string = 'c•••@example.com';
      async sendEmailCode() {
        return { maskedEmail: this.maskedEmail };
      }
      async verifyEmailCode() {}
      async getTwoFactorStatus() {
        return { phone: null, canDisable: this.maskedEmail !== '' };
      }
      async resetPhone() {}
      async sendPhoneCode() {
        return {};
      }
      async verifyPhoneCode() {
        return { recoveryCode: this.maskedEmail };
      }
      async disableTwoFactor() {
        if (!this.maskedEmail) throw new Error('lost `this`');
      }
    }
    const { result } = renderHook(() => useTwoFactorPhoneWizard({ adapter: new Backend() }));
    const signal = new AbortController().signal;
    await expect(result.current.adapter.sendEmailCode({ signal })).resolves.toEqual({ maskedEmail: 'c•••@example.com' });
    await expect(result.current.adapter.disableTwoFactor?.({ signal })).resolves.toBeUndefined();
  });
});

describe('a step-up that is still fresh', () => {
  it('is not asked for again when the wizard remounts (Back/Forward, navigation) within the window', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE });
    const first = render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);
    await verifyEmail(user);
    expect(await screen.findByText('+1 ••• ••• 0123')).toBeInTheDocument();
    first.unmount();

    // The backend still answers the status read: the section opens, no email is sent.
    render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);
    expect(await screen.findByText('+1 ••• ••• 0123')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: en.emailGateHeading })).not.toBeInTheDocument();
    expect(countCalls(adapter, 'sendEmailCode')).toBe(1);
    // The page owns initial focus: a remount does not pull it into the wizard.
    expect(document.body).toHaveFocus();
  });

  it('locks and sends one email when the backend refuses the first read', async () => {
    const { adapter, onError } = setup();
    expect(await screen.findByRole('heading', { name: en.emailGateHeading })).toBeInTheDocument();
    await waitFor(() => expect(countCalls(adapter, 'sendEmailCode')).toBe(1));
    expect(adapter.calls.slice(0, 2)).toEqual(['getTwoFactorStatus', 'sendEmailCode']);
    expect(onError).not.toHaveBeenCalled();
  });
});
