import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMockAdapter } from '../adapters';
import { useEmailCodeGate } from '../hooks';
import { CodeInput } from './code-input';
import { EmailCodeGate } from './email-code-gate';

function Harness({ errorMessage }: { errorMessage?: string }) {
  const gate = useEmailCodeGate({ adapter: createMockAdapter(), sendOnMount: false });
  return (
    <CodeInput
      inputProps={gate.getCodeInputProps()}
      label="Verification code"
      description="Enter the 6-digit code."
      errorMessage={errorMessage}
      className="host-class"
    />
  );
}

describe('CodeInput', () => {
  it('is one real input with one-time-code autofill, a numeric keyboard and no translation', () => {
    const { container } = render(<Harness />);
    expect(container.querySelectorAll('input')).toHaveLength(1);
    const input = screen.getByLabelText('Verification code');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input).toHaveAttribute('translate', 'no');
    expect(input).toHaveAttribute('maxlength', '6');
    expect(input).toHaveAccessibleDescription('Enter the 6-digit code.');
  });

  it('keeps only the digits of a pasted code with spaces, dashes and fullwidth digits', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Verification code');
    await user.click(input);
    await user.paste('１２３ - ４５６');
    expect(input).toHaveValue('123456');
    expect(input.closest('.tfa-code-input')).toHaveAttribute('data-state', 'complete');
  });

  it('drops letters typed into the field', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Verification code');
    await user.type(input, '1a2b');
    expect(input).toHaveValue('12');
  });

  it('marks the field invalid and describes it with the error', () => {
    render(<Harness errorMessage="That code is not correct." />);
    const input = screen.getByLabelText('Verification code');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Enter the 6-digit code. That code is not correct.');
    const field = input.closest('.tfa-code-input');
    expect(field).toHaveAttribute('data-invalid', 'true');
    expect(field).toHaveClass('host-class');
  });

  it('is its own styled root (tokens and live regions) when used on its own', () => {
    const { container } = render(<Harness />);
    const field = screen.getByLabelText('Verification code').closest('.tfa-code-input');
    expect(field).toHaveClass('tfa-root', 'tfa-field', 'host-class');
    expect(container.querySelectorAll('.tfa-root')).toHaveLength(1);
    expect(container.querySelectorAll('[data-tfa-live-region]')).toHaveLength(2);
  });

  it('renders no root of its own inside another component, which already has one', async () => {
    const { container } = render(<EmailCodeGate adapter={createMockAdapter()} />);
    const field = (await screen.findByLabelText('Email verification code')).closest('.tfa-code-input');
    expect(field).not.toHaveClass('tfa-root');
    expect(field?.parentElement?.closest('.tfa-root')).toHaveClass('tfa-email-gate');
    expect(container.querySelectorAll('.tfa-root')).toHaveLength(1);
    expect(container.querySelectorAll('[data-tfa-live-region]')).toHaveLength(2);
  });
});
