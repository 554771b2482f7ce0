import { act, render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  createMockAdapter,
  maskPhoneNumber,
  useCodeVerification,
  useEmailCodeGate,
  usePhoneEntry,
  useRecoveryCode,
  useResetPhone,
  useTwoFactorPhoneWizard,
  useTwoFactorSection,
} from '../src/headless';
import type {
  CodeVerificationState,
  EmailCodeGateState,
  MockAdapter,
  MockMessage,
  PhoneEntryState,
  RecoveryCodeState,
  ResetPhoneState,
  ResetTiming,
  TwoFactorAdapter,
  TwoFactorPhoneWizardState,
  TwoFactorSectionState,
  WizardState,
} from '../src/headless';

/**
 * The whole flow driven through the headless hooks alone, against the mock backend: no library
 * component and no markup. Each step is a tiny harness that calls one step hook and hands its
 * state out, the way a host building its own UI would wire them to the wizard's handlers.
 */

interface Probe {
  wizard?: TwoFactorPhoneWizardState;
  gate?: EmailCodeGateState;
  section?: TwoFactorSectionState;
  reset?: ResetPhoneState;
  entry?: PhoneEntryState;
  verification?: CodeVerificationState;
  recovery?: RecoveryCodeState;
}

type Handlers = TwoFactorPhoneWizardState['handlers'];
type StepProps<S extends WizardState['step']> = {
  state: Extract<WizardState, { step: S }>;
  handlers: Handlers;
  /** The wizard's adapter (`wizard.adapter`): the mock plus the wizard's additions. */
  adapter: TwoFactorAdapter;
  resetTiming: ResetTiming;
  probe: Probe;
};

function GateStep({ handlers, adapter, probe }: StepProps<'email-code-gate'>) {
  probe.gate = useEmailCodeGate({ adapter, onVerified: handlers.onEmailVerified, onError: handlers.onStepError });
  return null;
}

function SectionStep({ state, handlers, adapter, probe }: StepProps<'two-factor-section'>) {
  probe.section = useTwoFactorSection({
    adapter,
    twoFactorStatus: state.twoFactorStatus ?? undefined,
    editing: state.status === 'editing',
    onEditingChange: (editing) => (editing ? handlers.onEdit() : handlers.onCloseEdit()),
    onError: handlers.onStepError,
  });
  return null;
}

function ResetStep({ handlers, adapter, resetTiming, probe }: StepProps<'reset-phone'>) {
  probe.reset = useResetPhone({
    adapter,
    resetTiming,
    open: true,
    onOpenChange: (open) => {
      if (!open) handlers.onResetCancel();
    },
    onReset: handlers.onResetDone,
    onError: handlers.onStepError,
  });
  return null;
}

function PhoneEntryStep({ state, handlers, adapter, probe }: StepProps<'phone-entry'>) {
  probe.entry = usePhoneEntry({
    adapter,
    defaultCountry: 'US',
    defaultPhoneNumber: state.phoneNumber ?? undefined,
    onCodeSent: handlers.onCodeSent,
    onError: handlers.onStepError,
  });
  return null;
}

function CodeStep({ state, handlers, adapter, probe }: StepProps<'code-verification'>) {
  probe.verification = useCodeVerification({
    adapter,
    phoneNumber: state.phoneNumber,
    channel: state.channel,
    codeLength: state.codeLength,
    resendAt: state.resendAt,
    onVerified: handlers.onPhoneVerified,
    onCodeSent: handlers.onCodeSent,
    onError: handlers.onStepError,
  });
  return null;
}

function RecoveryStep({ state, handlers, probe }: StepProps<'recovery-code'>) {
  probe.recovery = useRecoveryCode({
    recoveryCode: state.recoveryCode,
    // A headless host masks the new number itself, so the section and `onComplete` can show it.
    onFinish: () => handlers.onFinish({ maskedNumber: maskPhoneNumber(state.phoneNumber) }),
  });
  return null;
}

function Flow(props: {
  adapter: MockAdapter;
  probe: Probe;
  onComplete: (details: { maskedNumber: string | null }) => void;
  onStepChange: (details: { step: WizardState['step'] }) => void;
  resetTiming?: ResetTiming;
}) {
  const { adapter, probe } = props;
  const wizard = useTwoFactorPhoneWizard({
    adapter,
    defaultCountry: 'US',
    resetTiming: props.resetTiming,
    onComplete: props.onComplete,
    onStepChange: props.onStepChange,
  });
  probe.wizard = wizard;
  const { state, handlers } = wizard;
  const common = { handlers, adapter: wizard.adapter, resetTiming: wizard.resetTiming, probe };
  switch (state.step) {
    case 'email-code-gate':
      // While checking whether an earlier step-up is still fresh, no email is sent.
      return state.status === 'checking' ? null : <GateStep key="email-code-gate" state={state} {...common} />;
    case 'add-phone':
      // A host's "+ Add phone based verification" button calls `handlers.onAddPhone`.
      return null;
    case 'two-factor-section':
      return <SectionStep key="two-factor-section" state={state} {...common} />;
    case 'reset-phone':
      return <ResetStep key="reset-phone" state={state} {...common} />;
    case 'phone-entry':
      return <PhoneEntryStep key="phone-entry" state={state} {...common} />;
    case 'code-verification':
      return <CodeStep key="code-verification" state={state} {...common} />;
    case 'recovery-code':
      return <RecoveryStep key="recovery-code" state={state} {...common} />;
    case 'done':
      return null;
    default: {
      const unhandled: never = state;
      return unhandled;
    }
  }
}

function get<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} has not rendered`);
  return value;
}

function lastMessage(adapter: MockAdapter, kind: MockMessage['kind']): MockMessage {
  const message = [...adapter.messages].reverse().find((candidate) => candidate.kind === kind);
  if (!message) throw new Error(`no ${kind} message yet`);
  return message;
}

function stepOf(probe: Probe): WizardState['step'] | undefined {
  return probe.wizard?.state.step;
}

describe('the whole flow through the headless hooks', () => {
  it('changes the 2FA phone: email gate, reset, new number, code, recovery code, finish', async () => {
    const adapter = createMockAdapter({ phoneNumber: '+14155550123' });
    const probe: Probe = {};
    const onComplete = vi.fn();
    const onStepChange = vi.fn<(details: { step: WizardState['step'] }) => void>();
    render(<Flow adapter={adapter} probe={probe} onComplete={onComplete} onStepChange={onStepChange} />, {
      reactStrictMode: true,
    });

    // 1. The email gate sends one code (StrictMode notwithstanding); the user types it.
    await waitFor(() => expect(get(probe.gate, 'gate').status).toBe('awaiting-code'));
    expect(adapter.messages.filter((message) => message.kind === 'email')).toHaveLength(1);
    expect(get(probe.gate, 'gate').maskedEmail).toMatch(/•/);
    act(() => get(probe.gate, 'gate').setCode(lastMessage(adapter, 'email').code));
    act(() => get(probe.gate, 'gate').verify());

    // 2. The section shows the current phone, masked.
    await waitFor(() => expect(probe.wizard?.state).toMatchObject({ step: 'two-factor-section', status: 'viewing' }));
    expect(get(probe.section, 'two-factor-section').maskedNumber).toMatch(/0123$/);
    expect(get(probe.section, 'two-factor-section').maskedNumber).not.toContain('415');

    // 3. Edit, then Reset.
    act(() => get(probe.section, 'two-factor-section').setEditing(true));
    expect(probe.wizard?.state).toMatchObject({ step: 'two-factor-section', status: 'editing' });
    act(() => get(probe.wizard, 'wizard').handlers.onResetRequest());
    expect(stepOf(probe)).toBe('reset-phone');

    // 4. Confirm the consequence, then continue: nothing is removed (swap on verify).
    act(() => get(probe.reset, 'reset').confirm());
    expect(stepOf(probe)).toBe('reset-phone');
    act(() => get(probe.reset, 'reset').setAcknowledged(true));
    act(() => get(probe.reset, 'reset').confirm());
    await waitFor(() => expect(stepOf(probe)).toBe('add-phone'));
    expect(adapter.calls).not.toContain('resetPhone');
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
    act(() => get(probe.wizard, 'wizard').handlers.onAddPhone());
    expect(stepOf(probe)).toBe('phone-entry');
    expect(adapter.getState().phoneNumber).toBe('+14155550123');

    // 5. Enter the new number and send a code by SMS.
    act(() => get(probe.entry, 'entry').form.setValue('phone', '(650) 253-0000'));
    expect(get(probe.entry, 'entry').phoneNumber).toBe('+16502530000');
    act(() => get(probe.entry, 'entry').sendCode('sms'));
    await waitFor(() => expect(stepOf(probe)).toBe('code-verification'));
    expect(lastMessage(adapter, 'sms').to).toBe('+16502530000');

    // 6. Type the code: it verifies by itself once complete.
    act(() => get(probe.verification, 'verification').setCode(lastMessage(adapter, 'sms').code));
    await waitFor(() => expect(stepOf(probe)).toBe('recovery-code'));
    expect(adapter.getState().phoneNumber).toBe('+16502530000');

    // 7. The recovery code is shown once; Finish needs the acknowledgement, then hands back.
    const recovery = get(probe.recovery, 'recovery');
    expect(recovery.recoveryCode).not.toBe('');
    // Exactly the adapter's string: the groups only split it for display.
    expect(recovery.groups.join('')).toBe(recovery.recoveryCode);
    act(() => get(probe.recovery, 'recovery').finish());
    expect(onComplete).not.toHaveBeenCalled();
    act(() => get(probe.recovery, 'recovery').setAcknowledged(true));
    act(() => get(probe.recovery, 'recovery').finish());

    expect(stepOf(probe)).toBe('done');
    expect(probe.wizard?.state).toMatchObject({ step: 'done', maskedNumber: maskPhoneNumber('+16502530000') });
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith({ maskedNumber: maskPhoneNumber('+16502530000') });
    // The backend may stop replaying the recovery code now.
    await waitFor(() => expect(adapter.calls).toContain('acknowledgeRecoveryCode'));
    expect(onStepChange.mock.calls.map(([details]) => details)).toEqual([
      { step: 'two-factor-section' },
      { step: 'reset-phone' },
      { step: 'add-phone' },
      { step: 'phone-entry' },
      { step: 'code-verification' },
      { step: 'recovery-code' },
      { step: 'done' },
    ]);
    // Host callbacks never saw a code or the recovery code.
    const seen = JSON.stringify([onStepChange.mock.calls, onComplete.mock.calls]);
    for (const message of adapter.messages) expect(seen).not.toContain(message.code);
    expect(seen).not.toContain(recovery.recoveryCode);
  });

  it('adds a first phone, surviving a wrong code and a change of number', async () => {
    const adapter = createMockAdapter({ phoneNumber: null, resendAfterSeconds: 0 });
    const probe: Probe = {};
    const onComplete = vi.fn();
    render(<Flow adapter={adapter} probe={probe} onComplete={onComplete} onStepChange={() => {}} />);

    await waitFor(() => expect(get(probe.gate, 'gate').status).toBe('awaiting-code'));
    act(() => get(probe.gate, 'gate').setCode(lastMessage(adapter, 'email').code));
    act(() => get(probe.gate, 'gate').verify());
    await waitFor(() => expect(probe.wizard?.state).toMatchObject({ step: 'two-factor-section', status: 'viewing' }));
    expect(get(probe.section, 'two-factor-section').maskedNumber).toBeNull();

    // No phone yet: straight to adding one.
    act(() => get(probe.section, 'two-factor-section').setEditing(true));
    act(() => get(probe.wizard, 'wizard').handlers.onAddPhone());
    expect(stepOf(probe)).toBe('phone-entry');

    act(() => get(probe.entry, 'entry').form.setValue('phone', '+44 20 7946 0958'));
    act(() => get(probe.entry, 'entry').sendCode());
    await waitFor(() => expect(stepOf(probe)).toBe('code-verification'));

    // Wrong number after all: go back, the number is kept for editing.
    act(() => get(probe.wizard, 'wizard').handlers.onChangeNumber());
    expect(probe.wizard?.state).toMatchObject({ step: 'phone-entry', phoneNumber: '+442079460958', change: 'add' });
    expect(get(probe.entry, 'entry').form.getValues('phone')).toBe('+442079460958');
    act(() => get(probe.entry, 'entry').form.setValue('phone', '650 253 0000'));
    act(() => get(probe.entry, 'entry').sendCode());
    await waitFor(() => expect(stepOf(probe)).toBe('code-verification'));

    // A wrong code fails and stays in the field; the right one goes through.
    const right = lastMessage(adapter, 'sms').code;
    const wrong = right === '000000' ? '111111' : '000000';
    act(() => get(probe.verification, 'verification').setCode(wrong));
    await waitFor(() => expect(get(probe.verification, 'verification').error?.code).toBe('invalid_code'));
    expect(get(probe.verification, 'verification').code).toBe(wrong);
    expect(get(probe.verification, 'verification').attemptsRemaining).toBe(4);

    act(() => get(probe.verification, 'verification').setCode(''));
    act(() => get(probe.verification, 'verification').setCode(right));
    await waitFor(() => expect(stepOf(probe)).toBe('recovery-code'));
    expect(adapter.getState().phoneNumber).toBe('+16502530000');

    act(() => get(probe.recovery, 'recovery').setAcknowledged(true));
    act(() => get(probe.recovery, 'recovery').finish());
    expect(stepOf(probe)).toBe('done');
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('with resetTiming "immediate", removes the old phone at Reset and adds the new one without a swap', async () => {
    const adapter = createMockAdapter({ phoneNumber: '+14155550123' });
    const probe: Probe = {};
    const onComplete = vi.fn();
    render(<Flow adapter={adapter} probe={probe} onComplete={onComplete} onStepChange={() => {}} resetTiming="immediate" />);

    await waitFor(() => expect(get(probe.gate, 'gate').status).toBe('awaiting-code'));
    act(() => get(probe.gate, 'gate').setCode(lastMessage(adapter, 'email').code));
    act(() => get(probe.gate, 'gate').verify());
    await waitFor(() => expect(probe.wizard?.state).toMatchObject({ step: 'two-factor-section', status: 'viewing' }));
    act(() => get(probe.section, 'two-factor-section').setEditing(true));
    act(() => get(probe.wizard, 'wizard').handlers.onResetRequest());
    act(() => get(probe.reset, 'reset').setAcknowledged(true));
    act(() => get(probe.reset, 'reset').confirm());
    await waitFor(() => expect(stepOf(probe)).toBe('add-phone'));
    expect(adapter.getState().phoneNumber).toBeNull();
    // Leaving now would leave the account without a phone: the wizard says so.
    expect(get(probe.wizard, 'wizard').isLeaveGuarded).toBe(true);

    act(() => get(probe.wizard, 'wizard').handlers.onAddPhone());
    act(() => get(probe.entry, 'entry').form.setValue('phone', '(650) 253-0000'));
    act(() => get(probe.entry, 'entry').sendCode('sms'));
    await waitFor(() => expect(stepOf(probe)).toBe('code-verification'));
    act(() => get(probe.verification, 'verification').setCode(lastMessage(adapter, 'sms').code));
    await waitFor(() => expect(stepOf(probe)).toBe('recovery-code'));
    expect(adapter.getState().phoneNumber).toBe('+16502530000');
    expect(get(probe.wizard, 'wizard').isLeaveGuarded).toBe(false);
  });
});

describe('abandoning the flow before the new number verifies (swap on verify)', () => {
  type Stop = 'email-code-gate' | 'two-factor-section' | 'reset-phone' | 'add-phone' | 'phone-entry' | 'code-verification' | 'wrong-code';
  const STOPS: Stop[] = ['email-code-gate', 'two-factor-section', 'reset-phone', 'add-phone', 'phone-entry', 'code-verification', 'wrong-code'];

  it.each(STOPS)('leaves the account’s old phone untouched when abandoned at %s', async (stop) => {
    const adapter = createMockAdapter({ phoneNumber: '+14155550123', resendAfterSeconds: 0 });
    const probe: Probe = {};
    const view = render(<Flow adapter={adapter} probe={probe} onComplete={() => {}} onStepChange={() => {}} />);

    await waitFor(() => expect(get(probe.gate, 'gate').status).toBe('awaiting-code'));
    if (stop !== 'email-code-gate') {
      act(() => get(probe.gate, 'gate').setCode(lastMessage(adapter, 'email').code));
      act(() => get(probe.gate, 'gate').verify());
      await waitFor(() => expect(probe.wizard?.state).toMatchObject({ step: 'two-factor-section', status: 'viewing' }));
    }
    if (stop !== 'email-code-gate' && stop !== 'two-factor-section') {
      act(() => get(probe.section, 'two-factor-section').setEditing(true));
      act(() => get(probe.wizard, 'wizard').handlers.onResetRequest());
      expect(stepOf(probe)).toBe('reset-phone');
    }
    if (!['email-code-gate', 'two-factor-section', 'reset-phone'].includes(stop)) {
      act(() => get(probe.reset, 'reset').setAcknowledged(true));
      act(() => get(probe.reset, 'reset').confirm());
      await waitFor(() => expect(stepOf(probe)).toBe('add-phone'));
    }
    if (['phone-entry', 'code-verification', 'wrong-code'].includes(stop)) {
      act(() => get(probe.wizard, 'wizard').handlers.onAddPhone());
      expect(stepOf(probe)).toBe('phone-entry');
    }
    if (stop === 'code-verification' || stop === 'wrong-code') {
      act(() => get(probe.entry, 'entry').form.setValue('phone', '(650) 253-0000'));
      act(() => get(probe.entry, 'entry').sendCode('sms'));
      await waitFor(() => expect(stepOf(probe)).toBe('code-verification'));
    }
    if (stop === 'wrong-code') {
      const right = lastMessage(adapter, 'sms').code;
      act(() => get(probe.verification, 'verification').setCode(right === '000000' ? '111111' : '000000'));
      await waitFor(() => expect(get(probe.verification, 'verification').error?.code).toBe('invalid_code'));
    }

    // The user leaves: Cancel, Back, a closed tab — the host unmounts the wizard.
    view.unmount();
    expect(adapter.calls).not.toContain('resetPhone');
    expect(adapter.getState()).toMatchObject({ phoneNumber: '+14155550123', twoFactorEnabled: true });
  });
});
