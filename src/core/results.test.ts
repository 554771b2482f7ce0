import { describe, expect, it } from 'vitest';
import {
  MAX_CODE_LENGTH,
  MAX_MASKED_EMAIL_LENGTH,
  MAX_MASKED_NUMBER_LENGTH,
  MAX_RECOVERY_CODE_LENGTH,
  isSendEmailCodeResult,
  isSendPhoneCodeResult,
  isTwoFactorStatus,
  isVerifyPhoneCodeResult,
} from './results';
import { MAX_WAIT_SECONDS } from './errors';

// Hostile or broken backend answers (issue 15): each must be refused, so the hooks turn it into
// the generic, retryable `unknown` failure instead of showing it.
const ABSURD_SECONDS: ReadonlyArray<[string, unknown]> = [
  ['1e21 (prints as "1e+21")', 1e21],
  ['1e300', 1e300],
  ['negative', -1],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['more than a day', MAX_WAIT_SECONDS + 1],
  ['a string', '30'],
];

const ABSURD_CODE_LENGTHS: ReadonlyArray<[string, unknown]> = [
  ['1e21', 1e21],
  ['zero', 0],
  ['negative', -6],
  ['a fraction', 6.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['longer than the documented 64', MAX_CODE_LENGTH + 1],
];

const UNREADABLE_TEXTS: ReadonlyArray<[string, string]> = [
  ['empty', ''],
  ['spaces only', '   '],
  ['zero-width spaces only', '\u200B\u200B\u200B'],
  ['direction marks only', '\u200E\u200F\u202E'],
  ['a hidden direction override inside', 'j•••@example.com\u202E'],
  ['a newline inside', 'j•••@exa\nmple.com'],
  ['a NUL inside', 'j•••\u0000@example.com'],
];

describe('isSendEmailCodeResult', () => {
  it('accepts a masked email with or without hints (null hints are absent)', () => {
    expect(isSendEmailCodeResult({ maskedEmail: 'j•••@example.com' })).toBe(true);
    expect(isSendEmailCodeResult({ maskedEmail: 'j•••@example.com', resendAfterSeconds: 30, codeLength: 6 })).toBe(true);
    expect(isSendEmailCodeResult({ maskedEmail: 'j•••@example.com', resendAfterSeconds: null, codeLength: null })).toBe(true);
    expect(isSendEmailCodeResult({ maskedEmail: 'j•••@example.com', resendAfterSeconds: MAX_WAIT_SECONDS })).toBe(true);
    expect(isSendEmailCodeResult({ maskedEmail: 'x'.repeat(MAX_MASKED_EMAIL_LENGTH) })).toBe(true);
  });

  for (const [label, text] of UNREADABLE_TEXTS) {
    it(`refuses a masked email that is ${label}`, () => {
      expect(isSendEmailCodeResult({ maskedEmail: text })).toBe(false);
    });
  }

  it('refuses an oversized masked email (10 000 characters)', () => {
    expect(isSendEmailCodeResult({ maskedEmail: 'x'.repeat(MAX_MASKED_EMAIL_LENGTH + 1) })).toBe(false);
    expect(isSendEmailCodeResult({ maskedEmail: `${'x'.repeat(9_988)}@example.com` })).toBe(false);
  });

  for (const [label, seconds] of ABSURD_SECONDS) {
    it(`refuses resendAfterSeconds: ${label}`, () => {
      expect(isSendEmailCodeResult({ maskedEmail: 'j•••@example.com', resendAfterSeconds: seconds })).toBe(false);
    });
  }

  for (const [label, length] of ABSURD_CODE_LENGTHS) {
    it(`refuses codeLength: ${label}`, () => {
      expect(isSendEmailCodeResult({ maskedEmail: 'j•••@example.com', codeLength: length })).toBe(false);
    });
  }
});

describe('isTwoFactorStatus', () => {
  it('accepts a masked phone or none', () => {
    expect(isTwoFactorStatus({ phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false })).toBe(true);
    expect(isTwoFactorStatus({ phone: null, canDisable: true })).toBe(true);
    expect(isTwoFactorStatus({ phone: { maskedNumber: '•'.repeat(MAX_MASKED_NUMBER_LENGTH) }, canDisable: true })).toBe(true);
  });

  for (const [label, text] of UNREADABLE_TEXTS) {
    it(`refuses a masked number that is ${label}`, () => {
      expect(isTwoFactorStatus({ phone: { maskedNumber: text }, canDisable: true })).toBe(false);
    });
  }

  it('refuses an oversized masked number (10 000 characters)', () => {
    expect(isTwoFactorStatus({ phone: { maskedNumber: '•'.repeat(MAX_MASKED_NUMBER_LENGTH + 1) }, canDisable: true })).toBe(false);
    expect(isTwoFactorStatus({ phone: { maskedNumber: '9'.repeat(10_000) }, canDisable: true })).toBe(false);
  });

  it('refuses a missing or non-boolean canDisable', () => {
    expect(isTwoFactorStatus({ phone: null })).toBe(false);
    expect(isTwoFactorStatus({ phone: null, canDisable: 'false' })).toBe(false);
  });
});

describe('isSendPhoneCodeResult', () => {
  it('accepts no hints, null hints and sane hints', () => {
    expect(isSendPhoneCodeResult({})).toBe(true);
    expect(isSendPhoneCodeResult({ resendAfterSeconds: null, codeLength: null })).toBe(true);
    expect(isSendPhoneCodeResult({ resendAfterSeconds: 0, codeLength: 1 })).toBe(true);
    expect(isSendPhoneCodeResult({ resendAfterSeconds: 59.5, codeLength: MAX_CODE_LENGTH })).toBe(true);
  });

  for (const [label, seconds] of ABSURD_SECONDS) {
    it(`refuses resendAfterSeconds: ${label}`, () => {
      expect(isSendPhoneCodeResult({ resendAfterSeconds: seconds })).toBe(false);
    });
  }

  for (const [label, length] of ABSURD_CODE_LENGTHS) {
    it(`refuses codeLength: ${label}`, () => {
      expect(isSendPhoneCodeResult({ codeLength: length })).toBe(false);
    });
  }
});

describe('isVerifyPhoneCodeResult', () => {
  it('accepts a code with its separators, as the backend wrote it', () => {
    expect(isVerifyPhoneCodeResult({ recoveryCode: 'RCV7-QK2M-9XD4-PLT8' })).toBe(true);
    expect(isVerifyPhoneCodeResult({ recoveryCode: 'abcd efgh' })).toBe(true);
    expect(isVerifyPhoneCodeResult({ recoveryCode: 'A'.repeat(MAX_RECOVERY_CODE_LENGTH) })).toBe(true);
  });

  const unusable: ReadonlyArray<[string, unknown]> = [
    ['missing', undefined],
    ['not a string', 12345678],
    ['empty', ''],
    ['spaces only', '    '],
    ['separators only', '----'],
    ['separators and spaces only', ' - _ . / '],
    ['zero-width characters only', '\u200B\u200C\u200D\uFEFF'],
    ['a code with a zero-width space inside (not what the user would type back)', 'ABCD\u200B-EFGH'],
    ['a code with a newline inside', 'ABCD\nEFGH'],
    ['a code with a tab inside', 'ABCD\tEFGH'],
    ['one character too long', 'A'.repeat(MAX_RECOVERY_CODE_LENGTH + 1)],
    ['1 MB long', 'A'.repeat(1_000_000)],
  ];
  for (const [label, recoveryCode] of unusable) {
    it(`refuses a recovery code that is ${label}`, () => {
      expect(isVerifyPhoneCodeResult({ recoveryCode })).toBe(false);
    });
  }
});
