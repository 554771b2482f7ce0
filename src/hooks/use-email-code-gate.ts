import { useCallback, useState } from './react';
import type { SendEmailCodeResult } from '../core/adapter';
import { DEFAULT_CODE_LENGTH } from '../core/code-entry';
import { isSendEmailCodeResult } from '../core/results';
import { useTwoFactorAdapter } from './context';
import { useCodeEntry } from './use-code-entry';
import { useDeferredEffect } from './use-deferred-effect';
import type { EmailCodeGateState, UseEmailCodeGateOptions } from './types';

/**
 * The email step-up: sends a code to the account email once when it mounts (also under
 * StrictMode), then verifies what the user types. Settings stay locked until `status` is
 * `verified`. A thin layer over the shared code-entry engine (`useCodeEntry`).
 * @example
 * const gate = useEmailCodeGate({ onVerified: () => setUnlocked(true) });
 * <form {...gate.getFormProps()}>
 *   <label htmlFor="email-code">Verification code</label>
 *   <input id="email-code" {...gate.getCodeInputProps()} />
 *   <button type="submit" aria-disabled={gate.status === 'verifying'}>Verify</button>
 * </form>
 */
export function useEmailCodeGate(options: UseEmailCodeGateOptions = {}): EmailCodeGateState {
  const adapter = useTwoFactorAdapter(options.adapter, 'useEmailCodeGate');
  const sendOnMount = options.sendOnMount ?? true;
  const [maskedEmail, setMaskedEmail] = useState<string | null>(null);

  const entry = useCodeEntry<SendEmailCodeResult, void>({
    // Without a send on mount the code was emailed before (by the host): the field is ready.
    init: { codeLength: DEFAULT_CODE_LENGTH, channel: 'email', hasCode: !sendOnMount },
    send: (_channel, signal) => adapter.sendEmailCode({ signal }),
    verify: (code, signal) => adapter.verifyEmailCode({ code, signal }),
    isValidSendResult: isSendEmailCodeResult,
    timeoutMs: options.timeoutMs,
    onError: (error) => options.onError?.({ error }),
    onSent: (result) => setMaskedEmail(result.maskedEmail),
    onVerified: () => options.onVerified?.(),
    inputName: 'email-code',
  });
  const { state, requestCode } = entry;

  const resend = useCallback(() => requestCode('email'), [requestCode]);

  useDeferredEffect(() => {
    if (sendOnMount) resend();
  }, []);

  const isSending = state.delivery.status === 'sending';
  // The send on mount is delivery 1; anything after it is a resend.
  const isFirstDelivery = sendOnMount && state.delivery.seq <= 1;
  let status: EmailCodeGateState['status'];
  if (state.phase === 'verified') status = 'verified';
  else if (state.phase === 'verifying') status = 'verifying';
  else if (!state.hasCode) status = state.delivery.status === 'failed' ? 'send-failed' : 'sending';
  else status = 'awaiting-code';

  return {
    ...entry.fields,
    status,
    maskedEmail,
    resend,
    isResending: state.hasCode && isSending,
    isVerified: state.phase === 'verified',
    resendStatus: isFirstDelivery ? 'idle' : state.delivery.status,
  };
}
