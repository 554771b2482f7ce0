import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TWO_FACTOR_ERROR_CODES } from '../core/errors';
import { MessagesProvider, isComplete, mergeMessages, useLocale } from './context';
import { getBuiltInMessages, loadBuiltInMessages, useMessages } from './messages';
import { de } from './de';
import { en } from './en';
import { MESSAGE_COUNT, enInitial } from './en-initial';
import { es } from './es';
import type { TwoFactorMessages } from './types';

const PHONE_FAILURES = [
  'empty',
  'not_a_number',
  'too_short',
  'too_long',
  'invalid_number',
  'has_extension',
  'invalid_country',
] as const;

function Probe() {
  const t = useMessages();
  const locale = useLocale();
  return (
    <p>
      {locale}: {t.verify} / {t.errors.network} / {t.resendIn(5)}
    </p>
  );
}

describe.each([
  ['es', es],
  ['de', de],
])('the %s copy', (_name, messages: TwoFactorMessages) => {
  it('has every key English has, of the same kind', () => {
    for (const key of Object.keys(en) as Array<keyof TwoFactorMessages>) {
      expect(typeof messages[key], key).toBe(typeof en[key]);
    }
  });

  it('has a message for every error code and every phone validation failure', () => {
    for (const code of TWO_FACTOR_ERROR_CODES) expect(messages.errors[code], code).toMatch(/\S/);
    for (const reason of PHONE_FAILURES) expect(messages.phoneErrors[reason], reason).toMatch(/\S/);
  });

  it('puts the data into the strings that carry it', () => {
    expect(messages.emailGateSent('j•••@example.com')).toContain('j•••@example.com');
    expect(messages.codeSentSms('+1 650 253 0000')).toContain('+1 650 253 0000');
    expect(messages.codeSentCall('+1 650 253 0000')).toContain('+1 650 253 0000');
    expect(messages.attemptsRemaining(3)).toContain('3');
    expect(messages.codeIncomplete(8)).toContain('8');
    expect(messages.resendIn(75)).toContain('1:15');
    expect(messages.retryIn(9)).toContain('0:09');
  });
});

describe('English copy', () => {
  it('uses the product wording', () => {
    expect(en.sectionHeading).toBe('Two-factor authentication (2FA)');
    expect(en.addPhone).toBe('+ Add phone based verification');
    expect(en.resetConfirm).toBe('Reset and continue');
    expect(en.sendSms).toBe('Send code via SMS');
    expect(en.sendCall).toBe('Receive a call');
    expect(en.codeSentSms('+1 650 253 0000')).toBe('We sent a code to +1 650 253 0000');
    expect(en.codeSentCall('+1 650 253 0000')).toBe('Calling +1 650 253 0000…');
    expect(en.emailGateSent('j•••@example.com')).toBe('We emailed a code to j•••@example.com');
    expect(en.attemptsRemaining(1)).toBe('1 attempt remaining.');
    expect(en.attemptsRemaining(2)).toBe('2 attempts remaining.');
    expect(en.codeIncomplete(6)).toBe('Enter all 6 digits of the code.');
    expect(en.codeIncomplete(1)).toBe('Enter the digit of the code.');
  });
});

describe('messages context', () => {
  it('defaults to English without a provider', () => {
    render(<Probe />);
    expect(screen.getByText(/^en: Verify/)).toBeInTheDocument();
  });

  it('picks the built-in copy for a regional locale, loaded on demand', async () => {
    expect(await loadBuiltInMessages('es-MX')).toBe(es);
    expect(await loadBuiltInMessages('de_AT')).toBe(de);
    expect(await loadBuiltInMessages('fr')).toBe(en);
    expect(getBuiltInMessages('es-MX')).toBe(es);
    expect(getBuiltInMessages('de_AT')).toBe(de);
    expect(getBuiltInMessages('fr')).toBe(en);
    render(
      <MessagesProvider locale="es-MX">
        <Probe />
      </MessagesProvider>,
    );
    expect(await screen.findByText(/^es-MX: Verificar/)).toBeInTheDocument();
  });

  it('merges a partial override, including single error messages, over the locale', async () => {
    render(
      <MessagesProvider locale="de" messages={{ verify: 'Prüfen', errors: { network: 'Offline.' } }}>
        <Probe />
      </MessagesProvider>,
    );
    expect(await screen.findByText('de: Prüfen / Offline. / Neuen Code anfordern in 0:05')).toBeInTheDocument();
  });

  it('lets a nested provider without a locale inherit the outer locale and overrides', async () => {
    render(
      <MessagesProvider locale="es" messages={{ verify: 'Comprobar' }}>
        <MessagesProvider messages={{ errors: { network: 'Sin conexión.' } }}>
          <Probe />
        </MessagesProvider>
      </MessagesProvider>,
    );
    expect(await screen.findByText(/^es: Comprobar \/ Sin conexión\./)).toBeInTheDocument();
  });

  it('counts as many messages as English has, the page\'s part among them', () => {
    expect(Object.keys(en)).toHaveLength(MESSAGE_COUNT);
    for (const [key, message] of Object.entries(enInitial)) expect(en[key as keyof TwoFactorMessages], key).toBe(message);
  });

  it('completes the page\'s English with the rest, under the overrides', () => {
    function Finish() {
      const t = useMessages();
      return (
        <p>
          {t.verify} / {t.finish} / {t.phoneErrors.empty} / {t.phoneErrors.too_long}
        </p>
      );
    }
    render(
      <MessagesProvider messages={{ verify: 'Check', phoneErrors: { empty: 'No number.' } }}>
        <Finish />
      </MessagesProvider>,
    );
    expect(screen.getByText('Check / Finish / No number. / This phone number is too long.')).toBeInTheDocument();
  });

  it('counts an override as complete only when it names every message', () => {
    expect(isComplete({ ...es })).toBe(true);
    expect(isComplete({ ...de, verify: 'Prüfen' })).toBe(true);
    const { finish: _finish, ...allButFinish } = es;
    expect(isComplete(allButFinish)).toBe(false);
    expect(isComplete({ ...allButFinish, finish: undefined })).toBe(false);
    const { verify: _verify, ...allButVerify } = es;
    expect(isComplete(allButVerify)).toBe(false);
    expect(isComplete({ verify: 'Check' })).toBe(false);
    expect(isComplete(undefined)).toBe(false);
  });

  it('still loads the locale\'s copy under an override that lacks one message only later steps show', async () => {
    vi.resetModules();
    const context = await import('./context');
    const messages = await import('./messages');
    function Finish() {
      return <p>{messages.useMessages().finish}</p>;
    }
    const { finish: _finish, ...allButFinish } = es;
    render(
      <context.MessagesProvider locale="de" messages={allButFinish}>
        <Finish />
      </context.MessagesProvider>,
    );
    expect(await screen.findByText('Fertigstellen')).toBeInTheDocument();
  });

  it('ignores override keys set to undefined', () => {
    const merged = mergeMessages(en, { verify: undefined });
    expect(merged.verify).toBe('Verify');
    expect(merged.errors).toEqual(en.errors);
  });
});
