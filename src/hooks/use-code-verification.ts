import { useCallback, useRef } from './react';
import type { PhoneCodeChannel, SendPhoneCodeResult, VerifyPhoneCodeResult } from '../core/adapter';
import { resolveEntryCodeLength } from '../core/code-entry';
import { codeHints, isSendPhoneCodeResult, isVerifyPhoneCodeResult } from '../core/results';
import { deadlineFromNow } from '../core/time';
import { useTwoFactorAdapter } from './context';
import { useCodeEntry } from './use-code-entry';
import type { CodeVerificationState, UseCodeVerificationOptions } from './types';

/**
 * Entering the code sent to the new phone: verify (by hand or automatically once an edit makes
 * the code complete, through the same single-flight guard), ask for a new code by SMS or by call
 * once the last delivery's cooldown is over, or go back for another number. While a verify is in
 * flight nothing on the step can supersede it, so an answer the backend gave always reaches
 * `onVerified`. A thin layer over the shared code-entry engine (`useCodeEntry`).
 * @example
 * const verification = useCodeVerification({ phoneNumber, resendAfterSeconds: 30, onVerified });
 * <form {...verification.getFormProps()}>
 *   <label htmlFor="phone-code">Code</label>
 *   <input id="phone-code" {...verification.getCodeInputProps()} />
 *   <button type="submit">Verify</button>
 *   <button type="button" onClick={() => verification.switchChannel('call')}>Receive a call</button>
 * </form>
 */
export function useCodeVerification(options: UseCodeVerificationOptions): CodeVerificationState {
  const adapter = useTwoFactorAdapter(options.adapter, 'useCodeVerification');
  const { phoneNumber } = options;
  // For changeNumber, which keeps its identity. The callbacks given to useCodeEntry need no ref:
  // it calls the ones of the latest render.
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const entry = useCodeEntry<SendPhoneCodeResult, VerifyPhoneCodeResult>({
    init: {
      codeLength: resolveEntryCodeLength(options.codeLength),
      channel: options.channel ?? 'sms',
      hasCode: true,
      // A deadline the parent kept (a remount), else the wait the send announced.
      resendAt:
        Number.isFinite(options.resendAt)
          ? options.resendAt
          : options.resendAfterSeconds === undefined
            ? null
            : deadlineFromNow(options.resendAfterSeconds),
      autoSubmit: options.autoSubmit ?? true,
    },
    // The number is read when the call starts (useCodeEntry calls the latest of these closures):
    // a send and a verify always name the number the step shows at that moment.
    send: (channel, signal) =>
      adapter.sendPhoneCode({ phoneNumber: options.phoneNumber, channel: toPhoneChannel(channel), signal }),
    verify: (code, signal) =>
      adapter.verifyPhoneCode({
        phoneNumber: options.phoneNumber,
        code,
        replacesCurrent: options.replacesCurrent ?? false,
        signal,
      }),
    isValidSendResult: isSendPhoneCodeResult,
    isValidVerifyResult: isVerifyPhoneCodeResult,
    timeoutMs: options.timeoutMs,
    onError: (error) => options.onError?.({ error }),
    // The code length as the step applies it (a usable one from the answer, else the last one).
    onSent: (result, channel, sent) =>
      options.onCodeSent?.({
        phoneNumber: options.phoneNumber,
        channel: toPhoneChannel(channel),
        ...codeHints({ resendAfterSeconds: result.resendAfterSeconds, codeLength: result.codeLength == null ? undefined : sent.codeLength }),
      }),
    onVerified: (result) => options.onVerified?.({ recoveryCode: result.recoveryCode }),
    onVerifyingChange: (verifying) => options.onVerifyingChange?.({ verifying }),
    inputName: 'phone-code',
  });
  const { state, requestCode, isVerifyInFlight } = entry;
  const channel = toPhoneChannel(state.channel);

  const resend = useCallback(
    (nextChannel?: PhoneCodeChannel) => requestCode(nextChannel ?? channel),
    [requestCode, channel],
  );
  const changeNumber = useCallback(() => {
    // Synchronous guard: leaving now would drop the answer of the verify in flight (issue 15).
    if (isVerifyInFlight()) return;
    optionsRef.current.onChangeNumber?.();
  }, [isVerifyInFlight]);

  // The engine's phase, with the lockout and a failure shown while awaiting the code as 'error'.
  const status: CodeVerificationState['status'] =
    state.phase === 'locked' || (state.phase === 'awaiting-code' && state.error !== null) ? 'error' : state.phase;

  return {
    ...entry.fields,
    phoneNumber,
    channel,
    status,
    resend,
    switchChannel: requestCode,
    isResending: state.delivery.status === 'sending',
    // Before any request for a new code the engine's delivery is idle: this step's code came before it.
    delivery: { status: state.delivery.status, channel: toPhoneChannel(state.delivery.channel) },
    changeNumber,
  };
}

function toPhoneChannel(channel: string): PhoneCodeChannel {
  return channel === 'call' ? 'call' : 'sms';
}
