import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CodeVerificationStep } from '../src/components/code-verification-step';
import {
  fail,
  NEW_PHONE_E164,
  placeholderAdapter,
  sendPhoneCodeFirst,
  sendPhoneCodeThenHoldVerify,
  storyAdapter,
  STORY_CODE,
  STORY_RECOVERY_CODE,
  WRONG_CODE,
} from './support/mock';
import { waitForCode, VISIBLE } from './support/play';

const meta = {
  title: 'Steps/CodeVerificationStep',
  component: CodeVerificationStep,
  args: {
    adapter: placeholderAdapter,
    phoneNumber: NEW_PHONE_E164,
    channel: 'sms',
    codeLength: 6,
    resendAfterSeconds: 30,
    onVerified: fn(),
    onCodeSent: fn(),
    onChangeNumber: fn(),
    onError: fn(),
  },
  parameters: {
    // The SMS to the new number has gone out, as it has when the wizard reaches this step.
    mockAdapter: { emailVerified: true },
    mockSetup: sendPhoneCodeFirst,
    docs: {
      description: {
        component:
          'Entering the code sent to the new number. It verifies by itself once the code is complete; a failed verify keeps the code; "Didn’t get a code?" offers, in order, a new SMS, a call and another number, each waiting for the cooldown of the last delivery; after too many wrong attempts the field is disabled and the step offers a new code.',
      },
    },
  },
} satisfies Meta<typeof CodeVerificationStep>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The SMS arrived: typing its code verifies by itself and hands over the recovery code. */
export const Default: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('We sent a code to +1 650 253 0000', VISIBLE)).toBeInTheDocument();
    const code = await waitForCode(storyAdapter(loaded), 'sms');
    await userEvent.type(canvas.getByLabelText(/^verification code$/i), code);
    await waitFor(() => expect(args.onVerified).toHaveBeenCalledWith({ recoveryCode: STORY_RECOVERY_CODE }));
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
  },
};

/** The code was sent by voice call. */
export const VoiceCall: Story = {
  args: { channel: 'call' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Calling +1 650 253 0000…', VISIBLE)).toBeInTheDocument();
  },
};

/** "Didn't get a code?" (open by default): a new SMS, a call, another number, with honest timing. */
export const DeliveryHelpOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole('button', { name: /didn’t get a code/i });
    // Open from the start; folding it away and back works by click.
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText(/codes expire after a few minutes/i, VISIBLE)).toBeInTheDocument();
    await expect(canvas.getByText(/you can request a new code in 0:[23]\d/i, VISIBLE)).toBeInTheDocument();
    const options = canvas.getAllByRole('listitem').map((item) => item.textContent);
    await expect(options).toEqual(['Resend code by SMS', 'Receive a call', 'Use another number']);
  },
};

/** "Receive a call" places a call once the cooldown allows, and says so (here: no cooldown). */
export const Calling: Story = {
  args: { resendAfterSeconds: 0 },
  parameters: { mockAdapter: { emailVerified: true, resendAfterSeconds: 0 } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /receive a call/i }));
    await waitForCode(storyAdapter(loaded), 'call');
    await expect(await canvas.findByText('Calling +1 650 253 0000…', VISIBLE)).toBeInTheDocument();
  },
};

/** A new SMS: "We sent you a new code." is visible, not only announced. */
export const NewCodeSent: Story = {
  args: { resendAfterSeconds: 0 },
  parameters: { mockAdapter: { emailVerified: true, resendAfterSeconds: 0 } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /resend code by sms/i }));
    await waitFor(() => expect(storyAdapter(loaded).messages.filter((message) => message.kind === 'sms')).toHaveLength(2));
    await expect(await canvas.findByText('We sent you a new code.', { selector: '.tfa-delivery-status' })).toBeVisible();
  },
};

/** A new SMS and a call both wait for the cooldown of the last delivery, with a countdown. */
export const ResendCooldown: Story = {
  args: { defaultHelpOpen: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /resend code by sms/i })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: /receive a call/i })).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByText(/you can request a new code in 0:[23]\d/i, VISIBLE)).toBeInTheDocument();
  },
};

/**
 * Enter pressed with only part of the code: the field says how many digits it needs, is marked
 * invalid and keeps focus; nothing is sent, so no attempt is used.
 */
export const IncompleteCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^verification code$/i);
    await userEvent.type(field, '1234{Enter}');
    await expect(await canvas.findByText('Enter all 6 digits of the code.', VISIBLE)).toBeInTheDocument();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveFocus();
    await expect(storyAdapter(loaded).calls).not.toContain('verifyPhoneCode');
  },
};

/** A rejected code, then the right one pasted over it: the new code verifies by itself. */
export const PasteOverRejectedCode: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^verification code$/i);
    await userEvent.type(field, WRONG_CODE);
    await expect(await canvas.findByText(/that code is not correct/i, VISIBLE)).toBeInTheDocument();
    const code = await waitForCode(storyAdapter(loaded), 'sms');
    await userEvent.tripleClick(field);
    await userEvent.paste(code);
    await waitFor(() => expect(args.onVerified).toHaveBeenCalledWith({ recoveryCode: STORY_RECOVERY_CODE }));
  },
};

/** Checking the code takes a while on a slow backend. */
export const Verifying: Story = {
  args: { autoSubmit: false },
  // The verify stays in flight until the story unmounts, so every look (and capture) is the same.
  parameters: { mockAdapter: { emailVerified: true }, mockSetup: sendPhoneCodeThenHoldVerify },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^verification code$/i), STORY_CODE);
    await userEvent.click(canvas.getByRole('button', { name: /^verify$/i }));
    await expect(await canvas.findByRole('button', { name: /verifying/i })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A wrong code: invalid field, the attempts left, and the typed code kept. */
export const WrongCodeAttemptsRemaining: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^verification code$/i);
    await userEvent.type(field, WRONG_CODE);
    await expect(await canvas.findByText(/that code is not correct/i, VISIBLE)).toBeInTheDocument();
    await expect(canvas.getByText(/4 attempts remaining/i, VISIBLE)).toBeInTheDocument();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue(WRONG_CODE);
  },
};

/** The code expired (`expired_code`). */
export const ExpiredCode: Story = {
  parameters: { mockAdapter: { emailVerified: true, failures: { verifyPhoneCode: [fail('expired_code')] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^verification code$/i), STORY_CODE);
    await expect(await canvas.findByText(/that code has expired/i, VISIBLE)).toBeInTheDocument();
  },
};

/**
 * Locked out: the last allowed wrong entry burns the code (`too_many_attempts`). The field is
 * disabled, focus moves to "Send a new code", and "Use another number" is offered.
 */
export const TooManyAttempts: Story = {
  args: { resendAfterSeconds: 0 },
  parameters: { mockAdapter: { emailVerified: true, maxAttempts: 1, resendAfterSeconds: 0 } },
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^verification code$/i);
    await userEvent.type(field, WRONG_CODE);
    await expect(await canvas.findByText(/too many incorrect attempts/i, VISIBLE)).toBeInTheDocument();
    await expect(field).toBeDisabled();
    const sendNew = canvas.getByRole('button', { name: /send a new code/i });
    await waitFor(() => expect(sendNew).toHaveFocus());
    await expect(canvas.getByRole('button', { name: /use another number/i })).toBeInTheDocument();
    await userEvent.click(sendNew);
    await waitFor(() => expect(field).toBeEnabled());
    await waitFor(() => expect(field).toHaveFocus());
    const code = await waitForCode(storyAdapter(loaded), 'sms');
    await userEvent.type(field, code);
    await waitFor(() => expect(args.onVerified).toHaveBeenCalledWith({ recoveryCode: STORY_RECOVERY_CODE }));
  },
};

/** While the code is being checked, nothing can supersede it: Resend, the call and Change number wait. */
export const VerifyInFlight: Story = {
  args: { resendAfterSeconds: 0, defaultHelpOpen: true },
  parameters: { mockAdapter: { emailVerified: true, resendAfterSeconds: 0 }, mockSetup: sendPhoneCodeThenHoldVerify },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^verification code$/i), STORY_CODE);
    await expect(await canvas.findByRole('button', { name: /verifying/i })).toHaveAttribute('aria-disabled', 'true');
    for (const name of [/resend code by sms/i, /receive a call/i, /change number/i]) {
      await expect(canvas.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
    }
    await expect(storyAdapter(loaded).calls.filter((call) => call === 'sendPhoneCode')).toHaveLength(1);
  },
};

/** Resending was refused (`rate_limited` with `retryAfterSeconds`). */
export const RateLimited: Story = {
  args: { resendAfterSeconds: 0 },
  parameters: {
    mockAdapter: {
      emailVerified: true,
      resendAfterSeconds: 0,
      // The first send is the setup's; the resend is refused.
      failures: { sendPhoneCode: [undefined, fail('rate_limited', { retryAfterSeconds: 60 })] },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /resend code by sms/i }));
    await expect(await canvas.findByText(/too many requests/i, VISIBLE)).toBeInTheDocument();
  },
};

/** The network failed while verifying: the code stays for another try. */
export const NetworkError: Story = {
  parameters: { mockAdapter: { emailVerified: true, failures: { verifyPhoneCode: [fail('network')] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText(/^verification code$/i);
    await userEvent.type(field, STORY_CODE);
    await expect(await canvas.findByText(/couldn’t reach the server/i, VISIBLE)).toBeInTheDocument();
    await expect(field).toHaveValue(STORY_CODE);
  },
};

/** The adapter threw something that is not a `TwoFactorError`: a generic message, never the raw text. */
export const UnknownError: Story = {
  parameters: {
    mockAdapter: { emailVerified: true, failures: { verifyPhoneCode: [new Error('deadlock detected on table codes')] } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^verification code$/i), STORY_CODE);
    await expect(await canvas.findByText(/something went wrong/i, VISIBLE)).toBeInTheDocument();
    await expect(canvasElement).not.toHaveTextContent(/deadlock/);
  },
};

/** The step-up lapsed (`reverification_required`): the host's `onError` hears of it. */
export const ReverificationRequired: Story = {
  parameters: {
    mockAdapter: { emailVerified: true, failures: { verifyPhoneCode: [fail('reverification_required')] } },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^verification code$/i), STORY_CODE);
    await expect(await canvas.findByText(/please confirm it’s you again/i, VISIBLE)).toBeInTheDocument();
    await expect(args.onError).toHaveBeenCalled();
  },
};

/** "Change number" goes back to phone entry (the wizard keeps the number). */
export const ChangeNumber: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /change number/i }));
    await expect(args.onChangeNumber).toHaveBeenCalledTimes(1);
  },
};

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** Right-to-left page direction: the number and the code stay left-to-right. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };

/** Spanish copy. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  args: { locale: 'es' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText(/^código de verificación$/i)).toBeInTheDocument();
  },
};
