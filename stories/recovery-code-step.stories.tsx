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

/** The code exactly as the backend returned it (grouping is styling); Finish unavailable until the box is ticked. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const group = canvas.getByRole('group', { name: /recovery code/i });
    await expect(group.querySelector('[data-tfa-recovery-code]')?.textContent).toBe(STORY_RECOVERY_CODE);
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

/** A code without separators: shown in groups of four by CSS alone, the same characters underneath. */
export const WithoutSeparators: Story = {
  args: { recoveryCode: 'K7QF29XMHP4DWN3R' },
  play: async ({ canvasElement }) => {
    const code = canvasElement.querySelector<HTMLElement>('[data-tfa-recovery-code]');
    await expect(code?.textContent).toBe('K7QF29XMHP4DWN3R');
    await expect(code?.querySelectorAll('.tfa-recovery-code__group')).toHaveLength(4);
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
    expectDrawnLeftToRight(code!, STORY_RECOVERY_CODE.split('-').map((group, index, all) => (index < all.length - 1 ? `${group}-` : group)));
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
