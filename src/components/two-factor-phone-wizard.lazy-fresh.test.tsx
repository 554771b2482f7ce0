import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters/mock-adapter';
import { TwoFactorPhoneWizard } from './two-factor-phone-wizard';

// The section step's module (which also carries the wizard past its first screen) arrives only
// when the test says so, while the opening check already found the step-up still fresh.
// A file of its own, beside two-factor-phone-wizard.lazy.test.tsx: once released, the module
// stays loaded for the rest of a file.
const sectionModule = vi.hoisted(() => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { released, release };
});

vi.mock('./two-factor-section-view', async (importOriginal) => {
  await sectionModule.released;
  return importOriginal<typeof import('./two-factor-section-view')>();
});

describe('TwoFactorPhoneWizard whose opening check finds the step-up fresh before the rest has loaded', () => {
  it('stays on the busy check, sends no email, then opens the section without moving focus and reports the step once', async () => {
    const adapter = createMockAdapter({ code: '123456', emailVerified: true, phoneNumber: '+16502530123' });
    const onStepChange = vi.fn();
    const { container } = render(
      <TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} onStepChange={onStepChange} onCancel={() => {}} />,
    );
    const root = container.firstElementChild;
    // Leaving is offered while the check runs…
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();

    await waitFor(() => expect(adapter.calls).toEqual(['getTwoFactorStatus']));
    // The answer is in; the step stays the check (marked busy) until the flow can take over.
    await waitFor(() => expect(container.querySelector('.tfa-wizard__step')).toHaveAttribute('aria-busy', 'true'));
    expect(root).toHaveAttribute('data-state', 'email-code-gate');
    expect(container.querySelector('[data-state="checking"]')).not.toBeNull();
    expect(onStepChange).not.toHaveBeenCalled();
    // …not once it found the step-up fresh: the flow opens on the read-only section.
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();

    sectionModule.release();
    expect(await screen.findByText('+1 ••• ••• 0123')).toBeInTheDocument();
    expect(root).toHaveAttribute('data-state', 'two-factor-section');
    expect(container.querySelector('.tfa-wizard__step')).not.toHaveAttribute('aria-busy');
    await waitFor(() => expect(onStepChange).toHaveBeenCalledTimes(1));
    expect(onStepChange).toHaveBeenCalledWith({ step: 'two-factor-section' });
    // The page owns initial focus, and this is the same moment.
    expect(document.body).toHaveFocus();
    expect(adapter.calls).not.toContain('sendEmailCode');
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    // The polite region was there from the first render and still is: the same root.
    expect(root?.querySelector('[data-tfa-live-region="polite"]')).not.toBeNull();
  });
});
