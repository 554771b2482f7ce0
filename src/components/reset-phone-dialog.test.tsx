import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters';
import type { AdapterRequest } from '../core/adapter';
import { TwoFactorError } from '../core/errors';
import { ResetPhoneDialog } from './reset-phone-dialog';
import { findAlertDialog } from '../../test/find-alert-dialog';

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('ResetPhoneDialog', () => {
  it('is an alert dialog with a title and consequence, and starts focus on Cancel', async () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<ResetPhoneDialog adapter={adapter} defaultOpen />);
    const dialog = await screen.findByRole('alertdialog', { name: 'Reset your 2FA phone number?' });
    // Swap on verify: the copy says the current number keeps working until the new one verifies.
    expect(dialog).toHaveAccessibleDescription(/keeps receiving sign-in codes until you verify a new one/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(dialog).toHaveClass('tfa-root', 'tfa-dialog');
  });

  it('does nothing on "Reset and continue" until the checkbox is ticked', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onReset = vi.fn();
    render(<ResetPhoneDialog adapter={adapter} defaultOpen onReset={onReset} />);
    const confirm = await screen.findByRole('button', { name: 'Reset and continue' });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await user.click(confirm);
    expect(adapter.calls).not.toContain('resetPhone');

    await user.click(screen.getByRole('checkbox', { name: /I understand my current number/ }));
    expect(confirm).not.toHaveAttribute('aria-disabled');
    await user.click(confirm);
    await waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
    // Nothing removed: the current number keeps working until the new one verifies.
    expect(adapter.calls).not.toContain('resetPhone');
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
  });

  it('with resetTiming="immediate", says the number stops at once and removes it on confirm', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onReset = vi.fn();
    render(<ResetPhoneDialog adapter={adapter} defaultOpen onReset={onReset} resetTiming="immediate" />);
    const dialog = await findAlertDialog();
    expect(dialog).toHaveAccessibleDescription(/stop receiving sign-in codes right away/);
    await user.click(within(dialog).getByRole('checkbox', { name: 'I understand my current number will no longer receive codes' }));
    await user.click(within(dialog).getByRole('button', { name: 'Reset and continue' }));
    await waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
    expect(adapter.getState().phoneNumber).toBeNull();
  });

  it('closes on Escape without calling the adapter', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    const onOpenChange = vi.fn();
    render(<ResetPhoneDialog adapter={adapter} defaultOpen onOpenChange={onOpenChange} />);
    await user.click(await screen.findByRole('checkbox'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(adapter.calls).not.toContain('resetPhone');
  });

  it("locks the page's scroll while open and gives the page back its own styles on close", async () => {
    const user = userEvent.setup();
    document.body.style.overflowY = 'scroll';
    try {
      render(<ResetPhoneDialog adapter={createMockAdapter({ emailVerified: true })} defaultOpen />);
      await screen.findByRole('alertdialog');
      // The root sets no overflow, so the body's is the viewport's: that is the one held.
      expect([document.documentElement.style.overflowY, document.body.style.overflowY]).toEqual(['', 'hidden']);
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
      expect([document.documentElement.style.overflowY, document.body.style.overflowY]).toEqual(['', 'scroll']);
      // What the modal layer set on the body meanwhile is its own to restore.
      expect(document.body.style.pointerEvents).toBe('');
    } finally {
      document.body.style.overflowY = '';
    }
  });

  it('gives the page its scroll back only when the last of two open dialogs closes, in either order', async () => {
    for (const firstToClose of ['first', 'second'] as const) {
      const view = render(
        <>
          <ResetPhoneDialog adapter={createMockAdapter({ emailVerified: true })} open className="first" />
          <ResetPhoneDialog adapter={createMockAdapter({ emailVerified: true })} open className="second" />
        </>,
      );
      await waitFor(() => expect(document.querySelectorAll('[role="alertdialog"]')).toHaveLength(2));
      const keep = firstToClose === 'first' ? 'second' : 'first';
      view.rerender(
        <>
          <ResetPhoneDialog adapter={createMockAdapter({ emailVerified: true })} open={keep === 'first'} className="first" />
          <ResetPhoneDialog adapter={createMockAdapter({ emailVerified: true })} open={keep === 'second'} className="second" />
        </>,
      );
      await waitFor(() => expect(document.querySelectorAll('[role="alertdialog"]')).toHaveLength(1));
      expect(document.body.style.overflowY).toBe('hidden');
      view.unmount();
      expect([document.documentElement.style.overflowY, document.body.style.overflowY]).toEqual(['', '']);
    }
  });

  it('closes on Cancel without calling the adapter', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ emailVerified: true });
    render(<ResetPhoneDialog adapter={adapter} defaultOpen />);
    await user.click(await screen.findByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(adapter.calls).not.toContain('resetPhone');
  });

  it('ignores clicks outside the dialog', async () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<ResetPhoneDialog adapter={adapter} defaultOpen />);
    await findAlertDialog();
    fireEvent.pointerDown(document.body);
    fireEvent.mouseDown(document.body);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  it('stays open on Escape while the reset is in flight', async () => {
    const user = userEvent.setup();
    const gate = deferred();
    const adapter = createMockAdapter({ emailVerified: true });
    const resetPhone = adapter.resetPhone!.bind(adapter);
    adapter.resetPhone = async (request: AdapterRequest) => {
      await gate.promise;
      return resetPhone(request);
    };
    const onReset = vi.fn();
    render(<ResetPhoneDialog adapter={adapter} defaultOpen onReset={onReset} resetTiming="immediate" />);
    await user.click(await screen.findByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Reset and continue' }));
    const pending = screen.getByRole('button', { name: 'Resetting…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveAttribute('data-pending', 'true');

    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();

    gate.resolve();
    await waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  });

  it('explains a failed reset inside the dialog and keeps it open', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({
      emailVerified: true,
      failures: { resetPhone: [new TwoFactorError('network')] },
    });
    render(<ResetPhoneDialog adapter={adapter} defaultOpen resetTiming="immediate" />);
    const dialog = await findAlertDialog();
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Reset and continue' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        'We couldn’t reach the server. Check your connection and try again.',
      ),
    );
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
  });

  it('uses the requested heading level for its title', async () => {
    const adapter = createMockAdapter({ emailVerified: true });
    render(<ResetPhoneDialog adapter={adapter} defaultOpen headingLevel={3} />);
    expect(await screen.findByRole('heading', { level: 3, name: 'Reset your 2FA phone number?' })).toBeInTheDocument();
  });
});
