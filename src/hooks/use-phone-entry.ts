import { useCallback, useEffect, useMemo, useRef, useState } from './react';
import { useForm, useWatch } from 'react-hook-form';
import type { Resolver, ResolverResult } from 'react-hook-form';
import * as z from 'zod/mini';
import type { PhoneCodeChannel, SendPhoneCodeResult } from '../core/adapter';
import type { TwoFactorError } from '../core/errors';
import { parsePhoneNumber } from '../core/phone';
import type { CountryCode, PhoneParseFailure, PhoneParseResult } from '../core/phone';
import { deadlineFromNow, secondsRemaining } from '../core/time';
import { useTwoFactorAdapter } from './context';
import { createFormProps } from './prop-getters';
import { codeHints, isSendPhoneCodeResult } from '../core/results';
import { useCountdown } from './use-countdown';
import { useRequest } from './use-request';
import type {
  FormHandlers,
  PhoneEntryFormValues,
  PhoneEntryState,
  UsePhoneEntryOptions,
} from './types';

/**
 * What the field's error may be: the rules' reasons. Anything else (a host's own `setError`) is
 * not a {@link PhoneParseFailure}.
 */
const PHONE_PARSE_FAILURES: readonly unknown[] = [
  'empty',
  'not_a_number',
  'too_short',
  'too_long',
  'invalid_number',
  'has_extension',
  'invalid_country',
];

/** How a phone-entry form reads numbers: the rules, and what to load before they can tell. */
export interface PhoneEntryRules {
  /** Parses and validates a number typed with `country` selected. */
  parsePhoneNumber: (raw: string, country?: CountryCode) => PhoneParseResult;
  /** Makes the rules ready for `raw` (loads its metadata); validation waits for it. */
  prepare?: (raw: string, country: CountryCode | undefined) => Promise<unknown>;
}

/** The public hook's rules: libphonenumber-js's whole `min` metadata, nothing to load. */
const FULL_METADATA_RULES: PhoneEntryRules = { parsePhoneNumber };

/**
 * The phone field's schema (the form's only field): the issue message is the
 * {@link PhoneParseFailure} itself, a closed vocabulary the UI has copy for (never a sentence from
 * the validator).
 */
function createPhoneSchema(rules: PhoneEntryRules, country: CountryCode | undefined) {
  // A phone input that reports "no number" as undefined (react-phone-number-input does) is empty.
  return z.string({ error: 'empty' }).check(
    z.superRefine(async (value, context) => {
      // Offline, the metadata may not come: the rules then read the number as they can.
      await rules.prepare?.(value, country).catch(() => undefined);
      const result = rules.parsePhoneNumber(value, country);
      if (!result.ok) context.addIssue({ code: 'custom', message: result.reason, input: value });
    }),
  );
}

/**
 * react-hook-form's resolver over the phone field's schema: the values when the number parses,
 * else its first issue as the field's error (type: the issue's code; message: the
 * {@link PhoneParseFailure}).
 */
function phoneResolver(schema: ReturnType<typeof createPhoneSchema>): Resolver<PhoneEntryFormValues> {
  return async ({ phone }, _context, { fields }): Promise<ResolverResult<PhoneEntryFormValues>> => {
    const result = await z.safeParseAsync(schema, phone);
    if (result.success) return { values: { phone: result.data }, errors: {} };
    // A failed parse has at least one issue; the field shows the first, as zodResolver does.
    const { code, message } = result.error.issues[0]!;
    return { values: {}, errors: { phone: { type: code, message, ref: fields.phone?.ref } } };
  };
}

interface SendArgs {
  phoneNumber: string;
  channel: PhoneCodeChannel;
}

/**
 * Entering the new phone number and sending it a code. The form is react-hook-form with a zod/mini
 * schema; a number typed with `+` or an international prefix picks its own country.
 * @example
 * const entry = usePhoneEntry({ defaultCountry: 'US', onCodeSent: (details) => goToCode(details) });
 * <form {...entry.getFormProps()}>
 *   <label htmlFor="phone">Phone number</label>
 *   <input id="phone" type="tel" autoComplete="tel" {...entry.form.register('phone')} />
 *   <button type="submit">Send code via SMS</button>
 * </form>
 */
export function usePhoneEntry(options: UsePhoneEntryOptions = {}): PhoneEntryState {
  return usePhoneEntryWith(FULL_METADATA_RULES, options);
}

/**
 * {@link usePhoneEntry} with other phone rules: the styled phone step passes rules over the
 * metadata it loads by calling code, so it does not ship every country's.
 */
export function usePhoneEntryWith(rules: PhoneEntryRules, options: UsePhoneEntryOptions = {}): PhoneEntryState {
  const adapter = useTwoFactorAdapter(options.adapter, 'usePhoneEntry');
  // `parsePhoneNumber` checks the region itself and ignores one it does not know.
  const country = options.defaultCountry?.toUpperCase() as CountryCode | undefined;
  const schema = useMemo(() => createPhoneSchema(rules, country), [rules, country]);

  const form = useForm<PhoneEntryFormValues>({
    resolver: phoneResolver(schema),
    defaultValues: { phone: options.defaultPhoneNumber ?? '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const phone = useWatch({ control: form.control, name: 'phone' });

  const [retryDeadline, setRetryDeadline] = useState<number | null>(null);
  // The same deadline, for the guard in sendCode (it must not wait for a render).
  const retryDeadlineRef = useRef(retryDeadline);
  // Covers the gap between the submit and the request starting (validation is async), which the
  // request's own guard cannot see.
  const submittingRef = useRef(false);
  const onCodeSentRef = useRef(options.onCodeSent);
  onCodeSentRef.current = options.onCodeSent;

  const request = useRequest<SendArgs, SendPhoneCodeResult>(
    (args, signal) => adapter.sendPhoneCode({ ...args, signal }),
    {
      timeoutMs: options.timeoutMs,
      onError: (failure) => options.onError?.({ error: failure }),
      isValidResult: isSendPhoneCodeResult,
    },
  );
  const { run, abort, isInFlight } = request;
  // The field value a send in flight is for; an edit to another value cancels that send.
  const sendingPhoneRef = useRef<string | null>(null);

  // The adapter's verdict was about the number as it was (`phone`); an edit makes it stale. The
  // countdown of a rate limit stays: it is about time, not about the number.
  const [sendFailure, setSendFailure] = useState<{ error: TwoFactorError; phone: string } | null>(null);
  if (sendFailure !== null && phone !== sendFailure.phone) setSendFailure(null);
  const error = sendFailure?.error ?? null;

  const { handleSubmit, setError: setFormError } = form;
  const sendCode = useCallback(
    (channel: PhoneCodeChannel = 'sms') => {
      if (submittingRef.current || isInFlight()) return;
      if (secondsRemaining(retryDeadlineRef.current) > 0) return;
      submittingRef.current = true;

      const onValid = async (values: PhoneEntryFormValues): Promise<void> => {
        const parsed = rules.parsePhoneNumber(values.phone, country);
        if (!parsed.ok) return;
        setSendFailure(null);
        sendingPhoneRef.current = values.phone;
        // Awaited so react-hook-form's `isSubmitting` lasts until the request settles.
        await run(
          { phoneNumber: parsed.e164, channel },
          {
            onSuccess: (result) => onCodeSentRef.current?.({ phoneNumber: parsed.e164, channel, ...codeHints(result) }),
            onError: (failure) => {
              // The typed number stays in the field: only the error and, for a rate limit, the
              // countdown change.
              setSendFailure({ error: failure, phone: values.phone });
              if (failure.retryAfterSeconds !== undefined) {
                retryDeadlineRef.current = deadlineFromNow(failure.retryAfterSeconds);
                setRetryDeadline(retryDeadlineRef.current);
              }
              // For hosts that render react-hook-form's own error slots. The type is the code
              // from the closed vocabulary, never backend text.
              setFormError('root.serverError', { type: failure.code, message: failure.code });
            },
          },
        );
      };

      handleSubmit(onValid)()
        .catch(() => {
          // onValid never throws; a throw from a consumer's resolver must not go unhandled.
        })
        .finally(() => {
          submittingRef.current = false;
          sendingPhoneRef.current = null;
        });
    },
    [isInFlight, handleSubmit, rules, country, run, setFormError],
  );

  // A code for a number the user has since changed is worthless (and would move them on to verify
  // the old number): the send is aborted and its late answer dropped.
  useEffect(() => {
    if (sendingPhoneRef.current !== null && phone !== sendingPhoneRef.current && isInFlight()) abort();
  }, [phone, isInFlight, abort]);

  const retrySecondsRemaining = useCountdown(retryDeadline);

  const parsedPhone = useMemo(() => rules.parsePhoneNumber(phone ?? '', country), [rules, phone, country]);
  const fieldMessage = form.formState.errors.phone?.message;
  const fieldError = PHONE_PARSE_FAILURES.includes(fieldMessage) ? (fieldMessage as PhoneParseFailure) : null;

  const getFormProps = (handlers?: FormHandlers) => createFormProps(sendCode, handlers);

  return {
    form,
    phoneNumber: parsedPhone.ok ? parsedPhone.e164 : null,
    fieldError,
    status: request.status === 'pending' ? 'sending' : error !== null ? 'error' : 'idle',
    sendCode,
    error,
    retrySecondsRemaining,
    getFormProps,
  };
}
