import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters';
import { TwoFactorError } from '../core/errors';
import { PhoneEntryStep } from './phone-entry-step';

describe('PhoneEntryStep', () => {
  it('labels the country select and the phone field, without flag images', () => {
    const adapter = createMockAdapter({ emailVerified: true });
    const { container } = render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    expect(screen.getByRole('heading', { name: 'Add a phone number' })).toBeInTheDocument();
    const country = screen.getByRole('combobox', { name: 'Country' });
    expect(country).toHaveValue('US');
    expect(screen.getByRole('option', { name: 'United States (+1)' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Germany (+49)' })).toBeInTheDocument();
    expect(screen.getByLabelText('Phone number')).toHaveAttribute('type', 'tel');
    expect(container.querySelector('img, svg')).toBeNull();
    expect(screen.getByText(/not hosted on this platform/)).toBeInTheDocument();
  });

  it('names countries in the given locale', async () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="DE" locale="de" />);
    // German copy loads on demand when only `locale` asks for it; country names come from Intl.
    expect(await screen.findByRole('combobox', { name: 'Land' })).toHaveValue('DE');
    expect(screen.getByRole('option', { name: 'Deutschland (+49)' })).toBeInTheDocument();
    expect(screen.getByLabelText('Telefonnummer')).toBeInTheDocument();
  });

  it('sends a code by SMS and reports the E.164 number', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true, code: '123456' });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), '(650) 253-0000');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+16502530000', channel: 'sms' });
    expect(adapter.messages.at(-1)?.kind).toBe('sms');
  });

  it('sends a code by voice call with "Receive a call"', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true, code: '123456' });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), '6502530000');
    await user.click(screen.getByRole('button', { name: 'Receive a call' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ channel: 'call' });
    expect(adapter.messages.at(-1)?.kind).toBe('call');
  });

  it('lets a number typed with + pick its own country', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true, code: '123456' });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), '+44 20 7946 0958');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('asks for a number when the field is empty, without sending', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    const input = screen.getByLabelText('Phone number');
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Enter a phone number\./));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(adapter.calls).not.toContain('sendPhoneCode');
  });

  it('moves focus to the number when a send is refused, also once the country has changed', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.type(screen.getByLabelText('Phone number'), '650');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(screen.getByLabelText('Phone number')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Phone number')).toHaveFocus();

    // A new country mounts the input afresh: the refused send finds the new one.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'GB');
    await user.click(screen.getByRole('button', { name: 'Receive a call' }));
    await waitFor(() => expect(screen.getByLabelText('Phone number')).toHaveFocus());
    expect(adapter.calls).not.toContain('sendPhoneCode');
  });

  it('explains a number that is too short, without sending', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const { container } = render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.type(screen.getByLabelText('Phone number'), '650253');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This phone number is too short.'));
    expect(container.querySelector('.tfa-phone-entry')).toHaveAttribute('data-invalid', 'true');
    expect(adapter.calls).not.toContain('sendPhoneCode');
  });

  it('keeps the typed number when sending fails', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({
      emailVerified: true,
      failures: { sendPhoneCode: [new TwoFactorError('network')] },
    });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '6502530000');
    const typed = (input as HTMLInputElement).value;
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('We couldn’t reach the server. Check your connection and try again.'),
    );
    expect(input).toHaveValue(typed);
    expect(typed).toMatch(/650/);
    expect(onCodeSent).not.toHaveBeenCalled();
  });

  it('shows when to retry after a rate limit and keeps the number', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({
      emailVerified: true,
      failures: { sendPhoneCode: [new TwoFactorError('rate_limited', { retryAfterSeconds: 90 })] },
    });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '6502530000');
    const typed = (input as HTMLInputElement).value;
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    expect(await screen.findByText(/You can try again in 1:(30|29)\./)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many requests.'));
    const sms = screen.getByRole('button', { name: 'Send code via SMS' });
    expect(sms).toHaveAttribute('aria-disabled', 'true');
    expect(sms).toHaveAccessibleDescription(/You can try again in/);
    expect(input).toHaveValue(typed);
    await user.click(sms);
    expect(adapter.calls.filter((call) => call === 'sendPhoneCode')).toHaveLength(1);
  });

  it('starts with a kept number when coming back from code verification', () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" defaultPhoneNumber="+16502530000" />);
    expect((screen.getByLabelText('Phone number') as HTMLInputElement).value).toMatch(/650.*253.*0000/);
  });
});

describe('PhoneEntryStep country select', () => {
  it('shows the country of a number typed with +, and sends that number', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    const country = screen.getByRole('combobox', { name: 'Country' });
    await user.type(screen.getByLabelText('Phone number'), '+44 20 7946 0958');
    expect(country).toHaveValue('GB');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('reads digits typed without + in the country chosen afterwards', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '2079460958');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'GB');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    expect((screen.getByLabelText('Phone number') as HTMLInputElement).value).toMatch(/20.*7946.*0958/);
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('never sends a pasted +44 number to +49 when Germany is chosen: the number keeps its country and says so', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.click(screen.getByLabelText('Phone number'));
    await user.paste('+44 20 7946 0958');
    const country = screen.getByRole('combobox', { name: 'Country' });
    expect(country).toHaveValue('GB');
    await user.selectOptions(country, 'DE');
    // Issue 13: the number is not rewritten to +49; the select shows its own country again.
    expect(screen.getByLabelText('Phone number')).toHaveValue('+44 20 7946 0958');
    expect(country).toHaveValue('GB');
    expect(
      screen.getByText('This number starts with +44, so it keeps its own country. To enter a number of another country, delete +44 first.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('takes Backspace into account before sending', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '65025300009');
    // As a browser sends it: the formatter applies Backspace in its keydown handler by `keyCode`.
    fireEvent.keyDown(input, { key: 'Backspace', code: 'Backspace', keyCode: 8 });
    expect(input).toHaveValue('(650) 253-0000');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+16502530000' });
  });

  it('starts on the country of a kept number', () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" defaultPhoneNumber="+442079460958" />);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+44 20 7946 0958');
  });

  it('shows an example number of the selected country between the label and the field, and follows the select', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    const field = screen.getByLabelText('Phone number');
    const hint = screen.getByText('For example: (201) 555-0123');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('For example: (201) 555-0123'));
    // Label, hint, field: the hint comes before the input in the document.
    expect(hint.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'GB');
    expect(await screen.findByText('For example: 07400 123456')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'ZZ');
    expect(screen.queryByText(/^For example:/)).not.toBeInTheDocument();
  });

  it('lists the preferred countries first, in their order, each once', () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" preferredCountries={['gb', 'US', 'XX', 'CA']} />);
    const options = screen.getAllByRole('option').map((option) => option.getAttribute('value'));
    expect(options.slice(0, 4)).toEqual(['ZZ', 'GB', 'US', 'CA']);
    expect(options.filter((value) => value === 'US')).toHaveLength(1);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('US');
  });

  it('lists International first, then the default country, then the others sorted by name in the locale', () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="DE" locale="de" />);
    const options = screen.getAllByRole('option').map((option) => option.getAttribute('value'));
    expect(options[0]).toBe('ZZ');
    // The default country is preferred: listed right after International, then the rest by name.
    expect(options[1]).toBe('DE');
    expect(options.filter((value) => value === 'DE')).toHaveLength(1);
    const names = screen.getAllByRole('option').slice(2).map((option) => option.textContent ?? '');
    expect(names).toEqual([...names].sort(new Intl.Collator('de').compare));
    // Österreich sorts with O in German, not after Z.
    expect(names.findIndex((name) => name.startsWith('Österreich'))).toBeLessThan(names.findIndex((name) => name.startsWith('Polen')));
  });
});

describe('PhoneEntryStep country select, chosen by hand', () => {
  it('leaves focus on the select when a country is chosen', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.type(screen.getByLabelText('Phone number'), '2079460958');
    const country = screen.getByRole('combobox', { name: 'Country' });
    await user.selectOptions(country, 'GB');
    expect(country).toHaveFocus();
  });

  it('keeps "International" selected when chosen, until more digits are typed', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    const country = screen.getByRole('combobox', { name: 'Country' });
    await user.type(screen.getByLabelText('Phone number'), '+44 20 7946 0958');
    expect(country).toHaveValue('GB');
    await user.selectOptions(country, 'ZZ');
    expect(country).toHaveValue('ZZ');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+44 20 7946 0958');
    await user.type(screen.getByLabelText('Phone number'), '{Backspace}8');
    expect(country).toHaveValue('GB');
  });
});

describe('PhoneEntryStep country select, changed after typing', () => {
  it('says a number is not valid for the newly chosen country, keeping its digits', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.type(screen.getByLabelText('Phone number'), '6502530000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'GB');
    // No UK number starts with 6, so the UK has no format for these digits.
    const input = screen.getByLabelText('Phone number');
    expect(input).toHaveValue('6502530000');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(input).toHaveAccessibleDescription(/This phone number is not valid for the selected country\./));
    expect(adapter.calls).not.toContain('sendPhoneCode');
  });

  it('brings a national number back unchanged when the first country is chosen again', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), '6502530000');
    const country = screen.getByRole('combobox', { name: 'Country' });
    await user.selectOptions(country, 'DE');
    expect(screen.getByLabelText('Phone number')).toHaveValue('6502530000');
    await user.selectOptions(country, 'US');
    expect(screen.getByLabelText('Phone number')).toHaveValue('(650) 253-0000');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+16502530000' });
  });

  it('keeps a US national prefix typed before choosing another country as one of the digits', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.type(screen.getByLabelText('Phone number'), '16502530000');
    const country = screen.getByRole('combobox', { name: 'Country' });
    await user.selectOptions(country, 'GB');
    expect(screen.getByLabelText('Phone number')).toHaveValue('16502530000');
    await user.selectOptions(country, 'US');
    expect(screen.getByLabelText('Phone number')).toHaveValue('1 (650) 253-0000');
  });

  it('keeps a number dialled with an international prefix in its own country when another is chosen', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), '011 44 20 7946 0958');
    const country = screen.getByRole('combobox', { name: 'Country' });
    expect(country).toHaveValue('GB');
    await user.selectOptions(country, 'DE');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+44 20 7946 0958');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('writes a number dialled with 011 with + when its own country is chosen, which dials abroad with 00', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), '011 44 20 7946 0958');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'GB');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+44 20 7946 0958');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('keeps an Italian number Italian when France is chosen', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), '+39 06 1234 5678');
    const country = screen.getByRole('combobox', { name: 'Country' });
    expect(country).toHaveValue('IT');
    await user.selectOptions(country, 'FR');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+39 06 1234 5678');
    expect(country).toHaveValue('IT');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+390612345678' });
  });

  it('does not pick a country for national digits typed in "International": it asks for one, then reads them in it', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const sendPhoneCode = vi.spyOn(adapter, 'sendPhoneCode');
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} onCodeSent={onCodeSent} />);
    const country = screen.getByRole('combobox', { name: 'Country' });
    expect(country).toHaveValue('ZZ');
    await user.type(screen.getByLabelText('Phone number'), '2079460958');
    // Read as +20…, these digits would have picked Egypt.
    expect(screen.getByLabelText('Phone number')).toHaveValue('2079460958');
    expect(country).toHaveValue('ZZ');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    expect(
      await screen.findByText('Choose a country, or start the number with + and its country code.', { selector: '.tfa-field-error' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Phone number')).toHaveAttribute('aria-invalid', 'true');
    expect(sendPhoneCode).not.toHaveBeenCalled();

    await user.selectOptions(country, 'GB');
    // The UK formats only numbers written with its national prefix 0: the digits stay as typed.
    expect(screen.getByLabelText('Phone number')).toHaveValue('2079460958');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('keeps a number typed with + as it is when "International" is chosen', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), '+44 20 7946 0958');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'ZZ');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+44 20 7946 0958');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('keeps a number of the same calling code exactly as typed', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.type(screen.getByLabelText('Phone number'), '+1 650 253 0000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'CA');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+1 650 253 0000');
  });

  it('keeps a lone first digit, rather than showing an empty field that holds a number', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.type(screen.getByLabelText('Phone number'), '1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'CA');
    const input = screen.getByLabelText('Phone number');
    expect(input).toHaveValue('1');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(input).toHaveAccessibleDescription(/This phone number is too short\./));
  });

  it('leaves focus on the select when the digits move to the new country', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.type(screen.getByLabelText('Phone number'), '+44 20 7946 0958');
    const country = screen.getByRole('combobox', { name: 'Country' });
    await user.selectOptions(country, 'DE');
    expect(country).toHaveFocus();
  });
});

describe('PhoneEntryStep, a + inside the number', () => {
  it('ignores a + typed inside the number instead of dropping the digits after it', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '6502530000');
    // After "(650".
    await user.type(input, '+', { initialSelectionStart: 4, initialSelectionEnd: 4 });
    expect(input).toHaveValue('(650) 253-0000');
  });

  it('lets a whole + number pasted after other digits replace them and pick its country', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '6502530000');
    await user.paste('+44 20 7946 0958');
    expect(input).toHaveValue('+44 20 7946 0958');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('pastes a calling code before national digits where the caret is', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    const input = screen.getByLabelText('Phone number');
    await user.type(input, '2079460958');
    await user.click(input);
    (input as HTMLInputElement).setSelectionRange(0, 0);
    await user.paste('+44');
    expect(input).toHaveValue('+44 20 7946 0958');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
  });
});

describe('PhoneEntryStep paste', () => {
  it('reads a pasted fullwidth ＋ as +, so the number picks its own country', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.click(screen.getByLabelText('Phone number'));
    await user.paste('＋４４ ２０ ７９４６ ０９５８');
    expect(screen.getByLabelText('Phone number')).toHaveValue('+44 20 7946 0958');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('reads a number pasted with direction marks around it', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" />);
    await user.click(screen.getByLabelText('Phone number'));
    await user.paste('\u200E+44 20 7946 0958\u200F');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
  });

  it.each([
    ['0044 20 7946 0958', 'GB', '+44 20 7946 0958', 'GB', '+442079460958'],
    ['0044 20 7946 0958', 'US', '+44 20 7946 0958', 'GB', '+442079460958'],
    ['011 44 20 7946 0958', 'US', '+44 20 7946 0958', 'GB', '+442079460958'],
    ['00 49 30 1234567', 'DE', '+49 30 1234567', 'DE', '+49301234567'],
    ['00 49 30 1234567', 'GB', '+49 30 1234567', 'DE', '+49301234567'],
    ['0044 20 7946 0958', undefined, '+44 20 7946 0958', 'GB', '+442079460958'],
    ['011 44 20 7946 0958', undefined, '+44 20 7946 0958', 'GB', '+442079460958'],
  ] as const)('shows %s typed with %s selected as the international number it is, and sends it in E.164', async (typed, defaultCountry, shown, country, e164) => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry={defaultCountry} onCodeSent={onCodeSent} />);
    await user.type(screen.getByLabelText('Phone number'), typed);
    expect(screen.getByLabelText('Phone number')).toHaveValue(shown);
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue(country);
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: e164 });
  });

  it('reads 00 from the US as an international prefix, as validation does', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onCodeSent = vi.fn();
    render(<PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />);
    await user.click(screen.getByLabelText('Phone number'));
    await user.paste('0044 20 7946 0958');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledTimes(1));
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });
});
