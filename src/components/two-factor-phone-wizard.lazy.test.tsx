import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters/mock-adapter';
import { TwoFactorPhoneWizard } from './two-factor-phone-wizard';

// The two-factor-section step's module arrives only when the test says so: a slow network, or a user who
// verifies before the preload has finished.
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

const CODE = '123456';

describe('TwoFactorPhoneWizard with a step still loading', () => {
  it('keeps the step before on screen (busy) while the next loads, then shows it and moves focus to its heading', async () => {
    const user = userEvent.setup();
    const adapter = createMockAdapter({ code: CODE });
    const { container } = render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} onCancel={() => {}} />);

    await user.type(await screen.findByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    // No "Loading…" fallback: the gate's step stays (marked busy) until the section's code is there.
    await waitFor(() => expect(container.querySelector('.tfa-wizard__step')).toHaveAttribute('aria-busy', 'true'));
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'email-code-gate');
    // Leaving stays offered meanwhile, as on the section it is loading.
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();

    sectionModule.release();
    const heading = await screen.findByRole('heading', { name: 'Two-factor authentication (2FA)' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});
