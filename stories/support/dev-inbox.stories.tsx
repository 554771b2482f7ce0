import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { DevInbox } from './dev-inbox';
import { NEW_PHONE_E164, placeholderAdapter, storyAdapter } from './mock';
import type { MockAdapter } from '../../src/adapters';

const signal = () => new AbortController().signal;

/** An email, a text and a call, in that order (no resend cooldown, so the call may follow the text). */
async function sendOneOfEach(adapter: MockAdapter): Promise<void> {
  await adapter.sendEmailCode({ signal: signal() });
  await adapter.verifyEmailCode({ code: adapter.messages[0]?.code ?? '', signal: signal() });
  await adapter.sendPhoneCode({ phoneNumber: NEW_PHONE_E164, channel: 'sms', signal: signal() });
  await adapter.sendPhoneCode({ phoneNumber: NEW_PHONE_E164, channel: 'call', signal: signal() });
}

const meta = {
  title: 'Support/DevInbox',
  component: DevInbox,
  args: { adapter: placeholderAdapter },
  parameters: {
    layout: 'padded',
    mockAdapter: { resendAfterSeconds: 0 },
    docs: {
      description: {
        component:
          'Storybook only: the messages the mock adapter "sent" (email, SMS, voice call) with their codes, newest first, updated live. A real product never shows codes on the page.',
      },
    },
  },
} satisfies Meta<typeof DevInbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing sent yet. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Dev inbox' })).toBeInTheDocument();
    await expect(canvas.getByText(/no messages yet/i)).toBeInTheDocument();
  },
};

/** One email, one text, one call: newest first. */
export const WithMessages: Story = {
  parameters: { mockSetup: sendOneOfEach },
  play: async ({ canvasElement }) => {
    const items = within(canvasElement).getAllByRole('listitem');
    await expect(items.map((item) => item.getAttribute('data-kind'))).toEqual(['call', 'sms', 'email']);
    await expect(items[0]).toHaveTextContent('Voice call');
    await expect(items[0]).toHaveTextContent('123456');
  },
};

/** A message sent while the inbox is on screen appears at the top. */
export const Live: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await storyAdapter(loaded).sendEmailCode({ signal: signal() });
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(1));
    await expect(canvas.getByRole('listitem')).toHaveTextContent(/email.*j•••@example\.com.*123456/i);
  },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { mockSetup: sendOneOfEach },
};
