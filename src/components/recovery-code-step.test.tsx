import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecoveryCodeStep } from './recovery-code-step';

const RECOVERY_CODE = 'ABCD-EFGH-JKMN-PQRS';

function dispatchBeforeUnload(): Event {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RecoveryCodeStep', () => {
  it('shows the code once, exactly as the adapter returned it, in groups, monospaced and untranslated', () => {
    const { container } = render(<RecoveryCodeStep recoveryCode={RECOVERY_CODE} />);
    expect(screen.getByRole('heading', { name: 'Save your recovery code' })).toBeInTheDocument();
    const code = container.querySelector('.tfa-recovery-code__value');
    expect(code?.tagName).toBe('CODE');
    expect(code).toHaveAttribute('translate', 'no');
    // The same characters and separators, nothing added: grouping is CSS.
    expect(code?.textContent).toBe(RECOVERY_CODE);
    expect(container.querySelectorAll('.tfa-recovery-code__group')).toHaveLength(4);
    expect(screen.getByRole('group', { name: 'Recovery code' })).toBeInTheDocument();
  });

  it('keeps Finish inert until "I have saved my recovery code" is ticked', async () => {
    const user = userEvent.setup();
    const onFinish = vi.fn();
    const { container } = render(<RecoveryCodeStep recoveryCode={RECOVERY_CODE} onFinish={onFinish} />);
    const finish = screen.getByRole('button', { name: 'Finish' });
    expect(finish).toHaveAttribute('aria-disabled', 'true');
    await user.click(finish);
    expect(onFinish).not.toHaveBeenCalled();

    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery code' }));
    expect(finish).not.toHaveAttribute('aria-disabled');
    await user.click(finish);
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish).toHaveBeenCalledWith();
    expect(container).not.toHaveTextContent('ABCD');
  });

  it('announces a successful copy in the polite live region', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<RecoveryCodeStep recoveryCode={RECOVERY_CODE} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(RECOVERY_CODE);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Recovery code copied.'));
  });

  it('announces a failed copy in the assertive live region', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<RecoveryCodeStep recoveryCode={RECOVERY_CODE} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Couldn’t copy. Select the code and copy it yourself.'),
    );
  });

  it('downloads the code as a text file and opens the print dialog', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:recovery');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<RecoveryCodeStep recoveryCode={RECOVERY_CODE} />);

    await user.click(screen.getByRole('button', { name: 'Download .txt' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const file = (await createObjectURL.mock.calls[0]?.[0].text()) ?? '';
    // The service, the date, how to use it, and the code on a line of its own, exactly.
    expect(file).toContain('Emergency recovery code for your account');
    expect(file).toMatch(/Saved on: .*\d{4}/);
    expect(file).toContain('enter this code where you are asked for a verification code');
    expect(file.split('\n')).toContain(RECOVERY_CODE);
    expect(click).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('asks before the page unloads until the code is confirmed saved', () => {
    render(<RecoveryCodeStep recoveryCode={RECOVERY_CODE} />);
    expect(dispatchBeforeUnload().defaultPrevented).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'I have saved my recovery code' }));
    expect(dispatchBeforeUnload().defaultPrevented).toBe(false);
  });

  it('stops asking before unload once it unmounts', () => {
    const { unmount } = render(<RecoveryCodeStep recoveryCode={RECOVERY_CODE} />);
    unmount();
    expect(dispatchBeforeUnload().defaultPrevented).toBe(false);
  });
});
