import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { PhoneEntryStep } from '../src/components/phone-entry-step';
import { fail, holdPhoneCodeSends, NEW_PHONE_E164, placeholderAdapter, storyAdapter } from './support/mock';
import { VISIBLE } from './support/play';

/** A US number typed the way people type it at home. */
const NATIONAL_NUMBER = '(650) 253-0000';

const meta = {
  title: 'Steps/PhoneEntryStep',
  component: PhoneEntryStep,
  args: {
    adapter: placeholderAdapter,
    defaultCountry: 'US',
    onCodeSent: fn(),
    onError: fn(),
  },
  parameters: {
    mockAdapter: { emailVerified: true },
    docs: {
      description: {
        component:
          'Entering the new number: a country select (names in the user’s language, no remote flags), the phone field, a notice recommending a number hosted elsewhere, and "Send code via SMS" / "Receive a call". A failed send keeps the number.',
      },
    },
  },
} satisfies Meta<typeof PhoneEntryStep>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Type a national number and send the code by SMS: the host hears the E.164 number, never a code. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/not hosted on this platform/i, VISIBLE)).toBeInTheDocument();
    await userEvent.type(canvas.getByLabelText(/^phone number$/i), NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await waitFor(() =>
      expect(args.onCodeSent).toHaveBeenCalledWith(
        expect.objectContaining({ phoneNumber: NEW_PHONE_E164, channel: 'sms' }),
      ),
    );
  },
};

/** "Receive a call" sends the code by voice instead. */
export const ReceiveACall: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^phone number$/i), NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /receive a call/i }));
    await waitFor(() =>
      expect(args.onCodeSent).toHaveBeenCalledWith(
        expect.objectContaining({ phoneNumber: NEW_PHONE_E164, channel: 'call' }),
      ),
    );
  },
};

/** A pasted number with its own `+44` picks its own country, whatever the select showed. */
export const PastedInternationalNumber: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText(/^phone number$/i));
    await userEvent.paste('+44 20 7946 0958');
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await waitFor(() =>
      expect(args.onCodeSent).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '+442079460958' })),
    );
  },
};

/**
 * A pasted `+44` number, then Germany chosen in the select: the digits after `+44` stay and are
 * read as a German number (Germany has no format for them without its national prefix 0).
 */
export const CountryChangedAfterPaste: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^phone number$/i);
    await userEvent.click(field);
    await userEvent.paste('+44 20 7946 0958');
    const country = canvas.getByRole('combobox', { name: /country/i });
    await expect(country).toHaveValue('GB');
    await userEvent.selectOptions(country, 'DE');
    // The number keeps its own country (never sent to +49), and the field says why.
    await expect(await canvas.findByText(/keeps its own country/i)).toBeInTheDocument();
    await expect(country).toHaveValue('GB');
    await expect(canvas.getByLabelText(/^phone number$/i)).toHaveValue('+44 20 7946 0958');
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await waitFor(() =>
      expect(args.onCodeSent).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '+442079460958' })),
    );
  },
};

/** No country chosen (`defaultCountry` unset): a number must start with `+`. */
export const NoDefaultCountry: Story = {
  args: { defaultCountry: undefined },
};

/**
 * "International" with digits typed without `+`: they are not read as a `+code` (which would pick
 * a country at random); Send asks for a country, and choosing one reads them as its number.
 */
export const NationalDigitsInInternational: Story = {
  args: { defaultCountry: undefined },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^phone number$/i), '2079460958');
    const country = canvas.getByRole('combobox', { name: /country/i });
    await expect(country).toHaveValue('ZZ');
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByText(/choose a country/i, { selector: '.tfa-field-error' })).toBeInTheDocument();
    await expect(args.onCodeSent).not.toHaveBeenCalled();
    await userEvent.selectOptions(country, 'GB');
    await expect(await canvas.findByText(/for example: 07400 123456/i)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await waitFor(() => expect(args.onCodeSent).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '+442079460958' })));
  },
};

/** Submitting nothing: the field says what is missing. */
export const EmptyNumber: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByText(/enter a phone number/i, VISIBLE)).toBeInTheDocument();
    await expect(canvas.getByLabelText(/^phone number$/i)).toHaveAttribute('aria-invalid', 'true');
    await expect(args.onCodeSent).not.toHaveBeenCalled();
  },
};

/** A number too short for its country: the message sits under the number, not under Country. */
export const TooShort: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText(/^phone number$/i);
    await userEvent.type(input, '650 25');
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    const message = await canvas.findByText(/too short|not valid/i, VISIBLE);
    await expect(message.getBoundingClientRect().left).toBe(input.getBoundingClientRect().left);
  },
};

/** Sending takes a while on a slow backend. */
export const Sending: Story = {
  // The send stays in flight until the story unmounts, so every look (and capture) is the same.
  parameters: { mockAdapter: { emailVerified: true }, mockSetup: holdPhoneCodeSends },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^phone number$/i), NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByRole('button', { name: /sending code/i })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The backend rejected the number (`invalid_phone_number`): the number stays for correction. */
export const InvalidPhoneNumber: Story = {
  parameters: {
    mockAdapter: { emailVerified: true, failures: { sendPhoneCode: [fail('invalid_phone_number')] } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^phone number$/i);
    await userEvent.type(field, NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByText(/that phone number is not valid/i, VISIBLE)).toBeInTheDocument();
    await expect(field).toHaveValue(NATIONAL_NUMBER);
  },
};

/** The backend cannot send to that kind of number (`unsupported_phone_number`), e.g. a VoIP line. */
export const UnsupportedPhoneNumber: Story = {
  parameters: {
    mockAdapter: { emailVerified: true, failures: { sendPhoneCode: [fail('unsupported_phone_number')] } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^phone number$/i), NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByText(/can’t send codes to that number/i, VISIBLE)).toBeInTheDocument();
  },
};

/** Too many sends (`rate_limited`): a countdown, both send buttons unavailable, the number kept. */
export const RateLimited: Story = {
  parameters: {
    mockAdapter: {
      emailVerified: true,
      failures: { sendPhoneCode: [fail('rate_limited', { retryAfterSeconds: 90 })] },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^phone number$/i);
    await userEvent.type(field, NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByText(/too many requests/i, VISIBLE)).toBeInTheDocument();
    await expect(canvas.getByText(/you can try again in 1:[23]\d/i, VISIBLE)).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: /send code via sms/i })).toHaveAttribute('aria-disabled', 'true');
    await expect(field).toHaveValue(NATIONAL_NUMBER);
  },
};

/** The network failed: a retryable message, the number kept. */
export const NetworkError: Story = {
  parameters: { mockAdapter: { emailVerified: true, failures: { sendPhoneCode: [fail('network')] } } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^phone number$/i);
    await userEvent.type(field, NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByText(/couldn’t reach the server/i, VISIBLE)).toBeInTheDocument();
    await expect(field).toHaveValue(NATIONAL_NUMBER);
    await expect(storyAdapter(loaded).messages).toHaveLength(0);
  },
};

/** The adapter threw something that is not a `TwoFactorError`: a generic message, never the raw text. */
export const UnknownError: Story = {
  parameters: {
    mockAdapter: { emailVerified: true, failures: { sendPhoneCode: [new Error('Twilio 21408: permission denied')] } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^phone number$/i);
    await userEvent.type(field, NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByText(/something went wrong/i, VISIBLE)).toBeInTheDocument();
    await expect(canvasElement).not.toHaveTextContent(/Twilio/);
    await expect(field).toHaveValue(NATIONAL_NUMBER);
  },
};

/** The step-up lapsed (`reverification_required`): the host's `onError` hears of it. */
export const ReverificationRequired: Story = {
  parameters: { mockAdapter: { emailVerified: false } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^phone number$/i), NATIONAL_NUMBER);
    await userEvent.click(canvas.getByRole('button', { name: /send code via sms/i }));
    await expect(await canvas.findByText(/please confirm it’s you again/i, VISIBLE)).toBeInTheDocument();
    await expect(args.onError).toHaveBeenCalled();
  },
};

/** Back from code verification: the number typed before is still there. */
export const KeptNumber: Story = {
  args: { defaultPhoneNumber: NEW_PHONE_E164 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(/^phone number$/i)).toHaveValue('+1 650 253 0000');
  },
};

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** Right-to-left page direction. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };

/** Spanish copy, and country names in Spanish. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  args: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(/^número de teléfono$/i)).toBeInTheDocument();
    await expect(canvas.getByRole('option', { name: /estados unidos/i })).toBeInTheDocument();
  },
};

/** German copy, and country names in German. */
export const German: Story = {
  globals: { locale: 'de' },
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(/^telefonnummer$/i)).toBeInTheDocument();
    await expect(canvas.getByRole('option', { name: /vereinigte staaten/i })).toBeInTheDocument();
  },
};
