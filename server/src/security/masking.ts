import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const DOT = '\u2022';

/** `+14155550123` → `+1 ••• ••• 0123`: the calling code and the last four digits, nothing else. */
export function maskPhoneNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const digits = e164.replace(/\D/g, '');
  const last = digits.slice(-4);
  if (!parsed) return `+${DOT.repeat(3)} ${last}`;
  const national = String(parsed.nationalNumber);
  const hidden = national.slice(0, -4).replace(/\d/g, DOT);
  const groups = hidden.match(new RegExp(`${DOT}{1,3}`, 'g')) ?? [];
  return [`+${parsed.countryCallingCode}`, ...groups, last].join(' ');
}

/** `jane.doe@example.com` → `j•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return `${DOT.repeat(3)}`;
  return `${email[0]}${DOT.repeat(3)}${email.slice(at)}`;
}

/** Whether `value` is a dialable E.164 number (libphonenumber-js's validity check). */
export function isValidPhoneNumber(value: string): boolean {
  const parsed = parsePhoneNumberFromString(value);
  return parsed !== undefined && parsed.isValid() && parsed.number === value;
}
