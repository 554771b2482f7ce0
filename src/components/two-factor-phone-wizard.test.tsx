import { StrictMode } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters';
import type { TwoFactorAdapter } from '../core/adapter';
import { TwoFactorError } from '../core/errors';
import { TwoFactorPhoneWizard } from './two-factor-phone-wizard';
import { findAlertDialog } from '../../test/find-alert-dialog';

const CODE = '123456';

/** Rule ids axe reports for `element`; colour contrast needs layout, which jsdom lacks. */
/** A phone-less account whose first code send answers that the email step-up is needed again. */
function reverifyingOnFirstSend() {
  return createMockAdapter({
    code: CODE,
    phoneNumber: null,
    resendAfterSeconds: 0,
    failures: { sendPhoneCode: [new TwoFactorError('reverification_required')] },
  });
}

/** From the section: Edit, "+ Add phone based verification", a US number, Send code via SMS. */
async function sendToNewNumber(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Edit' }));
  await user.click(screen.getByRole('button', { name: '+ Add phone based verification' }));
  await user.type(await screen.findByLabelText('Phone number'), '6502530000');
  await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
}

async function axeViolations(element: Element): Promise<string[]> {
  const { default: axe } = await import('axe-core');
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`);
}

describe('TwoFactorPhoneWizard', () => {
  it('walks from the email gate to Finish, swapping the phone on verify, and ends on the updated section', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE, recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });
    const onComplete = vi.fn();
    render(
      <StrictMode>
        <TwoFactorPhoneWizard adapter={adapter} onComplete={onComplete} defaultCountry="US" />
      </StrictMode>,
    );

    // 1. Email gate.
    expect(await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Verified.'));

    // 2. Section, masked number, Edit.
    const sectionHeading = await screen.findByRole('heading', { name: 'Two-factor authentication (2FA)' });
    expect(sectionHeading).toHaveFocus();
    expect(await screen.findByText('+1 ••• ••• 0123')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit' }));

    // 3–4. Reset, confirm.
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    const dialog = await findAlertDialog();
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Reset and continue' }));

    // 5. "+ Add phone based verification" (nothing removed yet), then phone entry.
    const addHeading = await screen.findByRole('heading', { name: 'Add your new phone number' });
    await waitFor(() => expect(addHeading).toHaveFocus());
    expect(screen.getByText('Your current number keeps receiving sign-in codes until the new one is verified.')).toBeInTheDocument();
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
    await user.click(screen.getByRole('button', { name: '+ Add phone based verification' }));
    const phoneHeading = await screen.findByRole('heading', { name: 'Add a phone number' });
    await waitFor(() => expect(phoneHeading).toHaveFocus());
    await user.type(screen.getByLabelText('Phone number'), '6502530000');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));

    // 6. Code verification.
    expect(await screen.findByText('We sent a code to +1 650 253 0000', { selector: '.tfa-lead' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Enter the code' })).toHaveFocus();
    await user.type(screen.getByLabelText('Verification code'), CODE);

    // 7. Recovery code, Finish.
    expect(await screen.findByRole('heading', { name: 'Save your recovery code' })).toHaveFocus();
    expect(document.querySelector('[data-tfa-recovery-code]')?.textContent).toBe('ABCD-EFGH-JKMN-PQRS');
    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery code' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));

    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith({ maskedNumber: '+1 ••• ••• 0000' });
    expect(adapter.getState().phoneNumber).toBe('+16502530000');
    expect(screen.queryByText('ABCD')).not.toBeInTheDocument();

    // Not a dead end: the section shows the new number, updated, with focus on its heading.
    const updated = await screen.findByRole('heading', { name: 'Two-factor authentication (2FA)' });
    await waitFor(() => expect(updated).toHaveFocus());
    expect(screen.getByText('Your 2FA phone number was updated.')).toBeInTheDocument();
    expect(screen.getByText('+1 ••• ••• 0000')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await waitFor(() => expect(adapter.calls).toContain('acknowledgeRecoveryCode'));
    // Eight steps of typing through jsdom: more than the default 5 s on a busy machine.
  }, 20_000);

  it('has one polite and one assertive live region from the first render', () => {
    const adapter = createMockAdapter({ code: CODE, latencyMs: 1000 });
    const { container } = render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);
    expect(container.querySelectorAll('[aria-live="polite"]')).toHaveLength(1);
    expect(container.querySelectorAll('[aria-live="assertive"]')).toHaveLength(1);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('renders step headings at the given headingLevel', async () => {
    const adapter = createMockAdapter({ code: CODE });
    render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} headingLevel={4} />);
    expect(await screen.findByRole('heading', { level: 4, name: 'Confirm it’s you' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
  });

  it('renders the Spanish copy with locale="es"', async () => {
    const adapter = createMockAdapter({ code: CODE });
    render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} locale="es" />);
    // Spanish loads on demand when only `locale` asks for it.
    expect(await screen.findByRole('heading', { name: 'Confirma que eres tú' })).toBeInTheDocument();
    expect(await screen.findByText('Enviamos un código a j•••@example.com', { selector: '.tfa-lead' })).toBeInTheDocument();
    expect(screen.getByLabelText('Código de verificación del correo')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verificar' })).toBeInTheDocument();
  });

  it('applies a partial messages override on top of the locale', async () => {
    const adapter = createMockAdapter({ code: CODE });
    render(
      <TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} messages={{ emailGateHeading: 'Security check' }} />,
    );
    expect(await screen.findByRole('heading', { name: 'Security check' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verify' })).toBeInTheDocument();
  });

  it('passes className through and mirrors the step as data-state', () => {
    const adapter = createMockAdapter({ code: CODE });
    const { container } = render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} className="host-class" />);
    const root = container.firstElementChild;
    expect(root).toHaveClass('tfa-root', 'tfa-wizard', 'host-class');
    expect(root).toHaveAttribute('data-state', 'email-code-gate');
  });

  it('returns focus to Reset when the confirmation is cancelled, without calling the adapter', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE });
    render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);
    await user.type(await screen.findByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    const dialog = await findAlertDialog();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Reset' })).toHaveFocus();
    expect(adapter.calls).not.toContain('resetPhone');
  });

  it('asks before turning 2FA off, returns focus to Disable on Cancel, and to the section heading once it is off', async () => {
    const user = userEvent.setup();
    const mock = createMockAdapter({ code: CODE, canDisable: true });
    let releaseDisable: () => void = () => {};
    const disableReleased = new Promise<void>((resolve) => {
      releaseDisable = resolve;
    });
    const adapter: TwoFactorAdapter = {
      ...mock,
      disableTwoFactor: async (request) => {
        await disableReleased;
        return mock.disableTwoFactor?.(request);
      },
    };
    render(
      <StrictMode>
        <TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />
      </StrictMode>,
    );
    await user.type(await screen.findByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const disable = screen.getByRole('button', { name: 'Disable two-factor authentication' });

    await user.click(disable);
    const dialog = await findAlertDialog();
    expect(dialog).toHaveAccessibleName('Turn off two-factor authentication?');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(disable).toHaveFocus());
    expect(mock.calls).not.toContain('disableTwoFactor');

    await user.click(disable);
    const again = await findAlertDialog();
    await user.click(within(again).getByRole('button', { name: 'Turn off' }));
    expect(await within(again).findByRole('button', { name: 'Turning off…' })).toHaveAttribute('aria-disabled', 'true');
    releaseDisable();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    const heading = screen.getByRole('heading', { name: 'Two-factor authentication (2FA)' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText('No phone number receives your sign-in codes yet.')).toBeInTheDocument();
    expect(heading).toHaveFocus();
    expect(mock.getState().twoFactorEnabled).toBe(false);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Two-factor authentication is turned off.'));
  });

  it('goes back to phone entry with the number kept on "Change number"', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE, phoneNumber: null });
    render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} defaultCountry="US" />);
    await user.type(await screen.findByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: '+ Add phone based verification' }));
    await user.type(await screen.findByLabelText('Phone number'), '6502530000');
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));
    await user.click(await screen.findByRole('button', { name: 'Change number' }));

    const heading = await screen.findByRole('heading', { name: 'Add a phone number' });
    expect(heading).toHaveFocus();
    expect((screen.getByLabelText('Phone number') as HTMLInputElement).value).toMatch(/650.*253.*0000/);
  });

  it('returns to the email gate when the backend asks for re-verification', async () => {
    const user = userEvent.setup();
    const adapter = reverifyingOnFirstSend();
    render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} defaultCountry="US" />);
    await user.type(await screen.findByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await sendToNewNumber(user);

    const gateHeading = await screen.findByRole('heading', { name: 'Confirm it’s you' });
    await waitFor(() => expect(gateHeading).toHaveFocus());
  });

  it('says "Verified." again, in the same polite region, after a re-verification', async () => {
    const user = userEvent.setup();
    const adapter = reverifyingOnFirstSend();
    const { container } = render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} defaultCountry="US" />);
    const polite = container.querySelector('[data-tfa-live-region="polite"]');
    await user.type(await screen.findByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(polite).toHaveTextContent('Verified.'));
    const first = polite?.firstElementChild;
    await sendToNewNumber(user);

    await user.type(await screen.findByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    // A fresh node carries the second announcement (screen readers skip an unchanged one).
    await waitFor(() => expect(polite?.firstElementChild).not.toBe(first));
    expect(polite).toHaveTextContent('Verified.');
    expect(container.querySelectorAll('[data-tfa-live-region="polite"]')).toHaveLength(1);
    // The flow resumed phone entry with the number kept.
    expect(await screen.findByLabelText('Phone number')).not.toHaveValue('');
  });

  it('has no axe violations on the gate and on phone entry', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE, phoneNumber: null });
    const { container } = render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} defaultCountry="US" />);
    await screen.findByText('We emailed a code to j•••@example.com', { selector: '.tfa-lead' });
    expect(await axeViolations(container)).toEqual([]);

    await user.type(screen.getByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: '+ Add phone based verification' }));
    await screen.findByLabelText('Phone number');
    expect(await axeViolations(container)).toEqual([]);
    // Two axe runs over the whole wizard in jsdom (2.6 s on an idle machine): more than the
    // default 5 s on a busy one.
  }, 20_000);

  it('offers Cancel when onCancel is given and calls it', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE });
    const onCancel = vi.fn();
    render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
