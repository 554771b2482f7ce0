import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { RecoveryCodeStep } from '../src/components/recovery-code-step';
import { STORY_RECOVERY_CODE } from './support/mock';
import { VISIBLE, expectDrawnLeftToRight } from './support/play';

/**
 * Replaces `navigator.clipboard` for one story so Copy behaves the same in every browser and test
 * run (a real clipboard write depends on focus and permissions). Returns the restore function.
 */
function stubClipboard(writeText: (text: string) => Promise<void>): () => void {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  return () => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else Reflect.deleteProperty(navigator, 'clipboard');
  };
}

const meta = {
  title: 'Steps/RecoveryCodeStep',
  component: RecoveryCodeStep,
  args: {
    recoveryCode: STORY_RECOVERY_CODE,
    onFinish: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The emergency recovery code, shown once, in groups of four, with Copy, Download .txt and Print. Finish stays unavailable until the user confirms they saved it.',
      },
    },
  },
} satisfies Meta<typeof RecoveryCodeStep>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The code in groups of four; Finish unavailable until the box is ticked. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const group = canvas.getByRole('group', { name: /recovery code/i });
    await expect(group).toHaveTextContent('K7QF 29XM HP4D WN3R');
    const finish = canvas.getByRole('button', { name: /^finish$/i });
    await expect(finish).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(finish);
    await expect(args.onFinish).not.toHaveBeenCalled();
  },
};

/** Confirm the code is saved, then Finish: the host hears of it with no arguments, and the code is gone. */
export const Finish: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('checkbox', { name: /i have saved my recovery code/i }));
    await userEvent.click(canvas.getByRole('button', { name: /^finish$/i }));
    await expect(args.onFinish).toHaveBeenCalledTimes(1);
    await expect(args.onFinish).toHaveBeenCalledWith();
    await expect(canvasElement).not.toHaveTextContent('K7QF');
  },
};

/** Copy succeeded: the step says so. */
export const Copied: Story = {
  beforeEach: () => stubClipboard(() => Promise.resolve()),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^copy$/i }));
    await expect(await canvas.findByText(/recovery code copied/i, VISIBLE)).toBeInTheDocument();
  },
};

/** The clipboard refused (insecure context, permissions): the step asks the user to copy by hand. */
export const CopyFailed: Story = {
  beforeEach: () => stubClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^copy$/i }));
    await waitFor(() => expect(canvas.getByText(/couldn’t copy/i, VISIBLE)).toBeInTheDocument());
  },
};

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** Right-to-left page direction: the code itself stays left-to-right. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    const code = canvasElement.querySelector<HTMLElement>('[data-tfa-recovery-code]');
    await expect(code).not.toBeNull();
    expectDrawnLeftToRight(code!, STORY_RECOVERY_CODE.split('-'));
  },
};

/** Spanish copy. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  args: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: /^finalizar$/i })).toBeInTheDocument();
  },
};
