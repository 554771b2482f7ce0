import { useCallback, useRef, useState } from 'react';
import type { PhoneCodeChannel, SendPhoneCodeResult, VerifyPhoneCodeResult } from '../core/adapter';
import { isCodeError } from '../core/errors';
import type { TwoFactorError } from '../core/errors';
import { DEFAULT_CODE_LENGTH, resolveCodeLength } from '../core/machine';
import { sanitizeCode } from '../core/code';
import { deadlineFromNow, secondsRemaining } from '../core/time';
import { useTwoFactorAdapter } from './context';
import { createCodeInputProps, createFormProps } from './prop-getters';
import { isSendPhoneCodeResult, isVerifyPhoneCodeResult } from '../core/results';
import { useCountdown } from './use-countdown';
import { useRequest } from './use-request';
import type {
  CodeInputHandlers,
  CodeVerificationState,
  FormHandlers,
  PhoneCodeSentDetails,
  UseCodeVerificationOptions,
} from './types';

interface ResendArgs {
  phoneNumber: string;
  channel: PhoneCodeChannel;
}

/**
 * Entering the code sent to the new phone: verify (by hand or automatically once the code is
 * complete, through the same single-flight guard), resend after the cooldown, or switch between
 * SMS and a voice call.
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
  const autoSubmit = options.autoSubmit ?? true;

  const [channel, setChannel] = useState<PhoneCodeChannel>(options.channel ?? 'sms');
  const [codeLength, setCodeLength] = useState(() => resolveCodeLength(options.codeLength, DEFAULT_CODE_LENGTH));
  const [code, setCodeState] = useState('');
  const [error, setError] = useState<TwoFactorError | null>(null);
  const [fieldError, setFieldError] = useState<CodeVerificationState['fieldError']>(null);
  const [attemptsRemaining, setAttemptsRemaining] = useState<number | null>(null);
  const [isVerified, setIsVerified] = useState(false);
  const [resendDeadline, setResendDeadline] = useState<number | null>(() =>
    initialDeadline(options.resendAt, options.resendAfterSeconds),
  );

  // Refs mirror what the guards read, so two calls in one tick see each other before a render.
  const codeRef = useRef(code);
  const codeLengthRef = useRef(codeLength);
  const channelRef = useRef(channel);
  const resendDeadlineRef = useRef(resendDeadline);
  const verifiedRef = useRef(false);
  const phoneNumberRef = useRef(phoneNumber);
  phoneNumberRef.current = phoneNumber;
  const autoSubmitRef = useRef(autoSubmit);
  autoSubmitRef.current = autoSubmit;
  const onVerifiedRef = useRef(options.onVerified);
  onVerifiedRef.current = options.onVerified;
  const onCodeSentRef = useRef(options.onCodeSent);
  onCodeSentRef.current = options.onCodeSent;

  const reportError = (failure: TwoFactorError) => options.onError?.({ error: failure });
  const verifyRequest = useRequest<{ phoneNumber: string; code: string }, VerifyPhoneCodeResult>(
    (args, signal) => adapter.verifyPhoneCode({ ...args, replacesCurrent: false, signal }),
    { timeoutMs: options.timeoutMs, onError: reportError, isValidResult: isVerifyPhoneCodeResult },
  );
  const resendRequest = useRequest<ResendArgs, SendPhoneCodeResult>(
    (args, signal) => adapter.sendPhoneCode({ ...args, signal }),
    { timeoutMs: options.timeoutMs, onError: reportError, isValidResult: isSendPhoneCodeResult },
  );
  const { run: runVerify, abort: abortVerify, isInFlight: isVerifyInFlight } = verifyRequest;
  const { run: runResend, isInFlight: isResendInFlight } = resendRequest;

  const setDeadline = useCallback((deadline: number | null) => {
    resendDeadlineRef.current = deadline;
    setResendDeadline(deadline);
  }, []);

  const applyCode = useCallback((next: string) => {
    codeRef.current = next;
    setCodeState(next);
    setFieldError(null);
  }, []);

  const verify = useCallback(() => {
    const value = codeRef.current;
    // Single flight: while a code is being checked nothing else is sent, nor flagged.
    if (verifiedRef.current || isVerifyInFlight()) return;
    if (value.length !== codeLengthRef.current) {
      // Said on the field rather than ignored; it costs no attempt.
      setFieldError('incomplete');
      return;
    }
    void runVerify(
      { phoneNumber: phoneNumberRef.current, code: value },
      {
        onSuccess: (result) => {
          verifiedRef.current = true;
          setIsVerified(true);
          setError(null);
          onVerifiedRef.current?.({ recoveryCode: result.recoveryCode });
        },
        onError: (failure) => {
          // The typed code stays: the user may only need to fix one digit.
          setError(failure);
          if (failure.code === 'invalid_code' && failure.attemptsRemaining !== undefined) {
            setAttemptsRemaining(failure.attemptsRemaining);
          }
        },
      },
    );
  }, [runVerify, isVerifyInFlight]);

  const setCode = useCallback(
    (value: string) => {
      const next = sanitizeCode(value, codeLengthRef.current);
      if (next === codeRef.current) return;
      applyCode(next);
      setError(null);
      // On every edit that leaves a complete code (as input-otp's onComplete), so pasting a new
      // code over a rejected one, or typing over one of its digits, verifies; a code the user
      // leaves untouched is not sent again, and `verify` skips while one is in flight.
      if (autoSubmitRef.current && next.length === codeLengthRef.current) verify();
    },
    [applyCode, verify],
  );

  const sendVia = useCallback(
    (nextChannel: PhoneCodeChannel) => {
      if (verifiedRef.current || isResendInFlight()) return;
      // A new code voids the old one: a verify of the old code still in flight is superseded.
      abortVerify();
      const args = { phoneNumber: phoneNumberRef.current, channel: nextChannel };
      void runResend(args, {
        onSuccess: (result) => {
          const length = resolveCodeLength(result.codeLength, codeLengthRef.current);
          codeLengthRef.current = length;
          setCodeLength(length);
          // A clean field for the new code.
          applyCode('');
          channelRef.current = nextChannel;
          setChannel(nextChannel);
          setError(null);
          setAttemptsRemaining(null);
          setDeadline(result.resendAfterSeconds === undefined ? null : deadlineFromNow(result.resendAfterSeconds));
          const details: PhoneCodeSentDetails = { phoneNumber: args.phoneNumber, channel: nextChannel };
          if (result.resendAfterSeconds !== undefined) details.resendAfterSeconds = result.resendAfterSeconds;
          if (result.codeLength !== undefined) details.codeLength = length;
          onCodeSentRef.current?.(details);
        },
        onError: (failure) => {
          setError(failure);
          if (failure.retryAfterSeconds !== undefined) setDeadline(deadlineFromNow(failure.retryAfterSeconds));
        },
      });
    },
    [runResend, isResendInFlight, abortVerify, applyCode, setDeadline],
  );

  const resend = useCallback(
    (nextChannel?: PhoneCodeChannel) => {
      if (secondsRemaining(resendDeadlineRef.current) > 0) return;
      sendVia(nextChannel ?? channelRef.current);
    },
    [sendVia],
  );

  const switchChannel = useCallback(
    (nextChannel: PhoneCodeChannel) => {
      // Another delivery path is not held to the cooldown of the current one (an SMS that never
      // arrives is exactly why people ask for a call); the backend still answers `rate_limited`
      // when it disagrees, and that seeds the countdown.
      if (nextChannel === channelRef.current) {
        resend(nextChannel);
        return;
      }
      sendVia(nextChannel);
    },
    [resend, sendVia],
  );

  const resendSecondsRemaining = useCountdown(resendDeadline);

  const status: CodeVerificationState['status'] = isVerified
    ? 'verified'
    : verifyRequest.status === 'pending'
      ? 'verifying'
      : error !== null
        ? 'error'
        : 'awaiting-code';

  const getCodeInputProps = (handlers?: CodeInputHandlers) =>
    createCodeInputProps(
      {
        code,
        codeLength,
        setCode,
        invalid: fieldError !== null || (error !== null && isCodeError(error.code)),
        name: 'phone-code',
      },
      handlers,
    );
  const getFormProps = (handlers?: FormHandlers) => createFormProps(verify, handlers);

  return {
    phoneNumber,
    channel,
    codeLength,
    code,
    setCode,
    status,
    verify,
    resend,
    switchChannel,
    isResending: resendRequest.status === 'pending',
    resendSecondsRemaining,
    attemptsRemaining,
    error,
    fieldError,
    isCodeComplete: code.length === codeLength,
    getCodeInputProps,
    getFormProps,
  };
}

function initialDeadline(resendAt: number | null | undefined, resendAfterSeconds: number | undefined): number | null {
  if (typeof resendAt === 'number' && Number.isFinite(resendAt)) return resendAt;
  if (resendAfterSeconds !== undefined) return deadlineFromNow(resendAfterSeconds);
  return null;
}
