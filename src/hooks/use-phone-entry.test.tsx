import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { usePhoneEntry } from './use-phone-entry';
import type { PhoneEntryState, UsePhoneEntryOptions } from './types';

afterEach(() => {
  vi.useRealTimers();
});

let latest: PhoneEntryState | null = null;

function PhoneForm(props: UsePhoneEntryOptions) {
  const entry = usePhoneEntry(props);
  latest = entry;
  return (
    <form {...entry.getFormProps()} aria-label="New phone">
      <label htmlFor="phone">Phone number</label>
      <input id="phone" type="tel" {...entry.form.register('phone')} />
      <button type="submit">Send code via SMS</button>
      <p data-testid="field-error">{entry.fieldError ?? ''}</p>
      <p data-testid="status">{entry.status}</p>
    </form>
  );
}

function current(): PhoneEntryState {
  if (!latest) throw new Error('not rendered');
  return latest;
}

describe('usePhoneEntry', () => {
  it('makes one send call when the form is submitted twice', async () => {
    const fake = createDeferredAdapter();
    render(<PhoneForm adapter={fake.adapter} defaultCountry="US" />);
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '(415) 555-0123' } });
    const form = screen.getByRole('form', { name: 'New phone' });
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(1));
    // Still one after validation of both submits has had every chance to finish.
    await act(async () => {});
    expect(fake.calls.sendPhoneCode).toHaveLength(1);
    expect(fake.last('sendPhoneCode').request).toMatchObject({ phoneNumber: '+14155550123', channel: 'sms' });
    expect(screen.getByTestId('status')).toHaveTextContent('sending');
  });

  it('refuses a number that does not parse, with the reason, and calls nobody', async () => {
    const fake = createDeferredAdapter();
    render(<PhoneForm adapter={fake.adapter} defaultCountry="US" />);
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '12' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New phone' }));
    await waitFor(() => expect(screen.getByTestId('field-error')).toHaveTextContent('too_short'));
    expect(fake.calls.sendPhoneCode).toHaveLength(0);
    expect(current().phoneNumber).toBeNull();
    // The form's own error, as a react-hook-form resolver reports it: the reason, and the field.
    const { type, message, ref } = current().form.formState.errors.phone ?? {};
    expect({ type, message }).toEqual({ type: 'custom', message: 'too_short' });
    expect(ref).toBe(screen.getByLabelText('Phone number'));
  });

  it('asks for a number when the field is empty, then clears the reason as soon as the number is fixed', async () => {
    const fake = createDeferredAdapter();
    render(<PhoneForm adapter={fake.adapter} defaultCountry="US" />);
    fireEvent.submit(screen.getByRole('form', { name: 'New phone' }));
    await waitFor(() => expect(screen.getByTestId('field-error')).toHaveTextContent('empty'));
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '415555' } });
    await waitFor(() => expect(screen.getByTestId('field-error')).toHaveTextContent('too_short'));
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '(415) 555-0123' } });
    await waitFor(() => expect(screen.getByTestId('field-error')).toBeEmptyDOMElement());
    expect(current().fieldError).toBeNull();
    expect(current().phoneNumber).toBe('+14155550123');
    expect(fake.calls.sendPhoneCode).toHaveLength(0);
  });

  it('lets a number typed with + pick its own country whatever the default', async () => {
    const fake = createDeferredAdapter();
    render(<PhoneForm adapter={fake.adapter} defaultCountry="US" />);
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '+44 20 7946 0958' } });
    expect(current().phoneNumber).toBe('+442079460958');
    act(() => current().sendCode('call'));
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(1));
    expect(fake.last('sendPhoneCode').request).toMatchObject({ phoneNumber: '+442079460958', channel: 'call' });
  });

  it('keeps the typed number when sending fails', async () => {
    const fake = createDeferredAdapter();
    const onCodeSent = vi.fn();
    render(<PhoneForm adapter={fake.adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    const input = screen.getByLabelText('Phone number');
    fireEvent.change(input, { target: { value: '415 555 0123' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New phone' }));
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(1));
    await act(async () => fake.last('sendPhoneCode').reject(new TwoFactorError('unsupported_phone_number')));

    expect(input).toHaveValue('415 555 0123');
    expect(current().phoneNumber).toBe('+14155550123');
    expect(current().error?.code).toBe('unsupported_phone_number');
    expect(screen.getByTestId('status')).toHaveTextContent('error');
    expect(current().form.getValues('phone')).toBe('415 555 0123');
    expect(onCodeSent).not.toHaveBeenCalled();
  });

  it('reports the sent code with the E.164 number and the backend hints', async () => {
    const fake = createDeferredAdapter();
    const onCodeSent = vi.fn();
    render(<PhoneForm adapter={fake.adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    fireEvent.change(screen.getByLabelText('Phone number'), { target: { value: '650-253-0000' } });
    fireEvent.submit(screen.getByRole('form', { name: 'New phone' }));
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(1));
    await act(async () => fake.last('sendPhoneCode').resolve({ resendAfterSeconds: 30, codeLength: 6 }));
    expect(onCodeSent).toHaveBeenCalledWith({
      phoneNumber: '+16502530000',
      channel: 'sms',
      resendAfterSeconds: 30,
      codeLength: 6,
    });
  });

  it('counts down after rate_limited and refuses to send until the wait is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-05-01T09:00:00Z'));
    const fake = createDeferredAdapter();
    const { result } = renderHook(() =>
      usePhoneEntry({ adapter: fake.adapter, defaultCountry: 'US', defaultPhoneNumber: '+14155550123' }),
    );
    await act(async () => result.current.sendCode());
    expect(fake.calls.sendPhoneCode).toHaveLength(1);
    await act(async () =>
      fake.last('sendPhoneCode').reject(new TwoFactorError('rate_limited', { retryAfterSeconds: 20 })),
    );
    expect(result.current.retrySecondsRemaining).toBe(20);

    await act(async () => result.current.sendCode());
    expect(fake.calls.sendPhoneCode).toHaveLength(1);

    vi.setSystemTime(new Date('2026-05-01T09:00:15Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.retrySecondsRemaining).toBe(4);

    vi.setSystemTime(new Date('2026-05-01T09:00:20Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.retrySecondsRemaining).toBe(0);
    await act(async () => result.current.sendCode());
    expect(fake.calls.sendPhoneCode).toHaveLength(2);
  });

  it('changes nothing when the send answer arrives after unmount', async () => {
    const fake = createDeferredAdapter();
    const onCodeSent = vi.fn();
    const { result, unmount } = renderHook(() =>
      usePhoneEntry({ adapter: fake.adapter, defaultPhoneNumber: '+14155550123', onCodeSent }),
    );
    await act(async () => result.current.sendCode());
    const send = fake.last('sendPhoneCode');
    unmount();
    expect(send.request.signal.aborted).toBe(true);
    await act(async () => send.resolve({}));
    expect(onCodeSent).not.toHaveBeenCalled();
  });
});
