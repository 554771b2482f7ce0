import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { CodeInput } from '../src/components/code-input';
import type { CodeInputComponentProps } from '../src/components/code-input';
import { sanitizeCode } from '../src/core/code';
import { createCodeInputProps } from '../src/hooks/prop-getters';
import type { CodeInputProps } from '../src/hooks/types';

/** Input props as a hook's `getCodeInputProps()` returns them, for a field of `length` digits. */
function codeInputProps(code: string, length: number, invalid = false, setCode: (value: string) => void = () => {}): CodeInputProps {
  return createCodeInputProps({ code, codeLength: length, setCode, invalid, name: 'code' });
}

/**
 * Gives the field live state, as the step hooks do: every change and paste goes through
 * `sanitizeCode`, so spaces, dashes, fullwidth digits and invisible marks never reach the value.
 */
function LiveCodeInput({ inputProps, ...props }: CodeInputComponentProps) {
  const length = inputProps.maxLength;
  const [code, setCode] = useState(inputProps.value);
  const live = codeInputProps(code, length, inputProps['aria-invalid'], (value) => setCode(sanitizeCode(value, length)));
  if (inputProps.disabled) live.disabled = true;
  // No wrapper: on its own, CodeInput is its own `tfa-root`, as it is on a host's page.
  return <CodeInput {...props} inputProps={live} />;
}

const meta = {
  title: 'Parts/CodeInput',
  component: CodeInput,
  render: (args) => <LiveCodeInput {...args} />,
  args: {
    inputProps: codeInputProps('', 6),
    label: 'Verification code',
    description: 'Enter the 6-digit code.',
    isPending: false,
  },
  argTypes: {
    inputProps: { control: false },
    inputRef: { control: false },
  },
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'One real `<input autocomplete="one-time-code" inputmode="numeric">` for a one-time code, never a row of per-digit inputs: autofill, paste, password managers and screen readers just work. Its props come from a step hook’s `getCodeInputProps()`.',
      },
    },
  },
} satisfies Meta<typeof CodeInput>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Empty, with its label and hint; the autofill and keyboard hints are on the one input. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByLabelText(/^verification code$/i);
    // Styled on its own: the field is inside a `tfa-root`, where the tokens live.
    await expect(field.closest('.tfa-root')).toHaveClass('tfa-code-input');
    await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(field).toHaveAttribute('inputmode', 'numeric');
    await expect(field).toHaveAttribute('translate', 'no');
    await expect(field).toHaveAccessibleDescription('Enter the 6-digit code.');
  },
};

/** Typing digits: letters are dropped, and the field stops at its length. */
export const Typing: Story = {
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByLabelText(/^verification code$/i);
    await userEvent.type(field, '12a34-5678');
    await expect(field).toHaveValue('123456');
  },
};

/** Pasting "123 456" (as codes are often written) gives all six digits. */
export const PasteWithSpaces: Story = {
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByLabelText(/^verification code$/i);
    await userEvent.click(field);
    await userEvent.paste('123 456');
    await expect(field).toHaveValue('123456');
  },
};

/** Pasting fullwidth digits with an invisible direction mark (as some keyboards and apps produce). */
export const PasteFullwidthDigits: Story = {
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByLabelText(/^verification code$/i);
    await userEvent.click(field);
    await userEvent.paste('\u200e１２３４５６');
    await expect(field).toHaveValue('123456');
  },
};

/** Complete. */
export const Filled: Story = {
  args: { inputProps: codeInputProps('123456', 6) },
};

/** Rejected: invalid, with the reason linked to the field. */
export const Invalid: Story = {
  args: {
    inputProps: codeInputProps('000000', 6, true),
    errorMessage: 'That code is not correct. Check it and try again.',
  },
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByLabelText(/^verification code$/i);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/that code is not correct/i);
  },
};

/** Being checked. */
export const Pending: Story = {
  args: { inputProps: codeInputProps('123456', 6), isPending: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText(/^verification code$/i)).toHaveAttribute('aria-busy', 'true');
  },
};

/** A four-digit code. */
export const FourDigits: Story = {
  args: { inputProps: codeInputProps('', 4), description: 'Enter the 4-digit code.' },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { inputProps: codeInputProps('123456', 6) },
};

/** Right-to-left page direction: the digits stay left-to-right. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  args: { inputProps: codeInputProps('123456', 6) },
};

/**
 * Locked out after too many wrong attempts: the step hooks disable the field (nothing typed is
 * sent until a new code arrives) and say why under it.
 */
export const Locked: Story = {
  args: {
    inputProps: { ...codeInputProps('111111', 6, true), disabled: true },
    errorMessage: 'Too many incorrect attempts. Request a new code.',
  },
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByLabelText(/^verification code$/i);
    await expect(field).toBeDisabled();
    await expect(field).toHaveValue('111111');
    await expect(field).toHaveAccessibleDescription(/too many incorrect attempts/i);
    await expect(field.closest('.tfa-code-input')).toHaveAttribute('data-disabled', 'true');
  },
};
