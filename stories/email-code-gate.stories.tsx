import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { EmailCodeGate } from '../src/components/email-code-gate';
import { fail, placeholderAdapter, storyAdapter, STORY_CODE, WRONG_CODE } from './support/mock';
import { passEmailGate, waitForCode, VISIBLE } from './support/play';

function ProtectedSettings() {
  return (
    <div>
      <h2>Security settings</h2>
      <p>Unlocked: the emailed code verified.</p>
    </div>
  );
}

const meta = {
  title: 'Steps/EmailCodeGate',
  component: EmailCodeGate,
  args: {
    adapter: placeholderAdapter,
    children: <ProtectedSettings />,
    onVerified: fn(),
    onError: fn(),
  },
  argTypes: {
    children: { control: false },
  },
  parameters: {
    mockAdapter: {},
    docs: {
      description: {
        component:
          'Step-up re-verification: emails a code when it mounts and keeps its children locked until the code verifies. Every story uses the mock adapter with the fixed code `123456`.',
      },
    },
  },
} satisfies Meta<typeof EmailCodeGate>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Code sent; the user types it and presses Verify, and the protected settings appear. */
export const Default: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    const adapter = storyAdapter(loaded);
    await expect(await canvas.findByText(/we emailed a code to j•••@example\.com/i, VISIBLE)).toBeInTheDocument();
    await passEmailGate(canvas, adapter);
    await expect(await canvas.findByRole('heading', { name: /security settings/i })).toBeInTheDocument();
    await expect(args.onVerified).toHaveBeenCalledTimes(1);
    // The host callback never receives the code.
    await expect(args.onVerified).toHaveBeenCalledWith();
  },
};

/** A slow backend: "Sending a code…" first, then the code field. */
export const Sending: Story = {
  parameters: { mockAdapter: { latencyMs: 1500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/sending a code to your email/i, VISIBLE)).toBeInTheDocument();
    await expect(
      await canvas.findByText(/we emailed a code to/i, VISIBLE, { timeout: 4000 }),
    ).toBeInTheDocument();
  },
};

/** A wrong code: the field turns invalid, says so, shows the attempts left, and keeps what was typed. */
export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await waitForCode(storyAdapter(loaded), 'email');
    const field = await canvas.findByLabelText(/email verification code/i);
    await userEvent.type(field, WRONG_CODE);
    await userEvent.click(canvas.getByRole('button', { name: /^verify$/i }));
    await expect(await canvas.findByText(/that code is not correct/i, VISIBLE)).toBeInTheDocument();
    await expect((await canvas.findAllByText(/4 attempts remaining/i, VISIBLE)).length).toBeGreaterThan(0);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue(WRONG_CODE);
  },
};

/**
 * Verify pressed with only part of the code: the field says how many digits it needs, is marked
 * invalid and keeps focus; nothing is sent, so no attempt is used.
 */
export const IncompleteCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const adapter = storyAdapter(loaded);
    await waitForCode(adapter, 'email');
    const field = await canvas.findByLabelText(/email verification code/i);
    await userEvent.type(field, '123');
    await userEvent.click(canvas.getByRole('button', { name: /^verify$/i }));
    await expect(await canvas.findByText('Enter all 6 digits of the code.', VISIBLE)).toBeInTheDocument();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveFocus();
    await expect(adapter.calls).not.toContain('verifyEmailCode');
  },
};

/** The code expired before it was entered (`expired_code`). */
export const ExpiredCode: Story = {
  parameters: { mockAdapter: { failures: { verifyEmailCode: [fail('expired_code')] } } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await passEmailGate(canvas, storyAdapter(loaded));
    await expect(await canvas.findByText(/that code has expired/i, VISIBLE)).toBeInTheDocument();
    await expect(canvas.getByLabelText(/email verification code/i)).toHaveValue(STORY_CODE);
  },
};

/**
 * Locked out: the last allowed wrong entry burns the code (`too_many_attempts`). The field is
 * disabled, nothing typed is sent, and "Send a new code" (focused) brings a fresh one.
 */
export const TooManyAttempts: Story = {
  parameters: { mockAdapter: { maxAttempts: 1, resendAfterSeconds: 0 } },
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    const adapter = storyAdapter(loaded);
    await waitForCode(adapter, 'email');
    const field = await canvas.findByLabelText(/email verification code/i);
    await userEvent.type(field, WRONG_CODE);
    await userEvent.click(canvas.getByRole('button', { name: /^verify$/i }));
    await expect(await canvas.findByText(/too many incorrect attempts/i, VISIBLE)).toBeInTheDocument();
    await expect(field).toBeDisabled();
    const sendNew = canvas.getByRole('button', { name: /send a new code/i });
    await waitFor(() => expect(sendNew).toHaveFocus());
    await expect(canvas.queryByRole('button', { name: /^verify$/i })).toBeNull();
    await userEvent.click(sendNew);
    await waitFor(() => expect(adapter.messages.filter((message) => message.kind === 'email')).toHaveLength(2));
    await waitFor(() => expect(field).toBeEnabled());
    await waitFor(() => expect(field).toHaveFocus());
    await userEvent.type(field, STORY_CODE);
    await userEvent.click(canvas.getByRole('button', { name: /^verify$/i }));
    await waitFor(() => expect(args.onVerified).toHaveBeenCalledTimes(1));
  },
};

/** Sending the email failed (`network`); Resend code tries again and the code arrives. */
export const SendFailed: Story = {
  parameters: { mockAdapter: { failures: { sendEmailCode: [fail('network')] } } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/couldn’t reach the server/i, VISIBLE)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: /resend code/i }));
    await waitForCode(storyAdapter(loaded), 'email');
    await expect(await canvas.findByText(/we emailed a code to/i, VISIBLE)).toBeInTheDocument();
  },
};

/**
 * The backend refused to send again so soon (`rate_limited` with `retryAfterSeconds`): one
 * countdown, next to Resend code. Verify stays, for a code emailed earlier.
 */
export const RateLimited: Story = {
  parameters: {
    mockAdapter: { failures: { sendEmailCode: [fail('rate_limited', { retryAfterSeconds: 45 })] } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/too many requests/i, VISIBLE)).toBeInTheDocument();
    await expect(await canvas.findByText(/you can request a new code in 0:4\d/i, VISIBLE)).toBeInTheDocument();
    await expect(canvas.queryByText(/you can try again/i, VISIBLE)).toBeNull();
    await expect(canvasElement.querySelector('.tfa-lead')).toBeNull();
    await expect(canvas.getByRole('button', { name: /^verify$/i })).toBeInTheDocument();
  },
};

/**
 * The adapter threw something that is not a `TwoFactorError`: the UI shows a generic, retryable
 * message and never the raw error text.
 */
export const UnknownError: Story = {
  parameters: {
    mockAdapter: { failures: { verifyEmailCode: [new Error('SQL error: relation "codes" does not exist')] } },
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await passEmailGate(canvas, storyAdapter(loaded));
    await expect(await canvas.findByText(/something went wrong/i, VISIBLE)).toBeInTheDocument();
    await expect(canvasElement).not.toHaveTextContent(/SQL error/);
  },
};

/** Dark theme (`data-theme="dark"` on the host wrapper). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/we emailed a code to/i, VISIBLE);
  },
};

/** Right-to-left page direction. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/we emailed a code to/i, VISIBLE);
  },
};

/** Spanish copy (`locale="es"`). */
export const Spanish: Story = {
  globals: { locale: 'es' },
  args: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('button', { name: /^verificar$/i })).toBeInTheDocument());
  },
};

/** German copy (`locale="de"`). */
export const German: Story = {
  globals: { locale: 'de' },
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('button', { name: /^bestätigen$/i })).toBeInTheDocument());
  },
};
