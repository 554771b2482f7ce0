import type { TwoFactorMessages } from './types';
import { formatClock } from './format';

/**
 * The part of the English copy that ships with the page: the email gate's, the code form's and
 * the wizard's own. The steps after the gate bring the rest with their code (issue 14), so the
 * gate's JS does not carry copy it never shows.
 */
export const enInitial = {
  flowLabel: 'Two-factor authentication setup',
  verify: 'Verify',
  verifying: 'Verifying…',
  cancel: 'Cancel',
  resend: 'Resend code',
  resending: 'Sending…',
  resendIn: (seconds) => `You can request a new code in ${formatClock(seconds)}`,
  codeResent: 'We sent you a new code.',
  codeHint: (length) => `Enter the ${length}-digit code.`,
  codeIncomplete: (length) =>
    length === 1 ? 'Enter the digit of the code.' : `Enter all ${length} digits of the code.`,
  attemptsRemaining: (count) => (count === 1 ? '1 attempt remaining.' : `${count} attempts remaining.`),
  retryIn: (seconds) => `You can try again in ${formatClock(seconds)}.`,
  retryNow: 'You can try again now.',
  retry: 'Try again',
  loading: 'Loading…',
  errors: {
    invalid_code: 'That code is not correct. Check it and try again.',
    expired_code: 'That code has expired. Request a new one.',
    too_many_attempts: 'Too many incorrect attempts. Request a new code.',
    rate_limited: 'Too many requests. Please wait before trying again.',
    invalid_phone_number: 'That phone number is not valid.',
    unsupported_phone_number: 'We can’t send codes to that number. Try a different one.',
    reverification_required: 'For your security, please confirm it’s you again.',
    network: 'We couldn’t reach the server. Check your connection and try again.',
    unknown: 'Something went wrong. Please try again.',
  },
  emailGateHeading: 'Confirm it’s you',
  emailGateSending: 'Sending a code to your email…',
  emailGateSent: (maskedEmail) => `We emailed a code to ${maskedEmail}`,
  emailCodeLabel: 'Email verification code',
  emailVerified: 'Verified.',
  addPhone: '+ Add phone based verification',
  phoneUpdated: 'Your 2FA phone number was updated.',
  addPhoneHeading: 'Add your new phone number',
  addPhoneSwapNote: 'Your current number keeps receiving sign-in codes until the new one is verified.',
  addPhoneRemovedNote: 'Your account has no phone for sign-in codes until you add and verify a new one.',
  leaveTitle: 'Leave without a 2FA phone?',
  leaveDescription:
    'Your previous number was removed. If you leave now, your account has no phone for sign-in codes until you add one.',
  leaveConfirm: 'Leave anyway',
  leaveNoPhoneWarning: 'Your account has no phone for sign-in codes yet. Leave anyway?',
  sendNewCode: 'Send a new code',
  codeLocked: 'This code can no longer be used. Send a new code to continue.',
  doneHeading: 'Two-factor authentication is set up',
} satisfies Partial<TwoFactorMessages>;

/** How many messages a whole copy has (a test holds it to `en`). */
export const MESSAGE_COUNT = 94;
