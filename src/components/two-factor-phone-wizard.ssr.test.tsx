// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createMockAdapter } from '../adapters/mock-adapter';
import { EmailCodeGate } from './email-code-gate';
import { TwoFactorPhoneWizard } from './two-factor-phone-wizard';

describe('TwoFactorPhoneWizard on the server', () => {
  it('renders the first check (is the step-up still fresh?) as a busy step, without a DOM and without calling the adapter', () => {
    expect(typeof window).toBe('undefined');
    const adapter = createMockAdapter({ code: '123456' });
    const html = renderToString(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);
    // The client asks the backend first: a fresh step-up skips the gate, so no gate is promised.
    expect(html).toMatch(/data-state="checking"[^>]*aria-busy="true"|aria-busy="true"[^>]*data-state="checking"/);
    expect(html).toContain('Loading…');
    expect(html).toContain('data-state="email-code-gate"');
    // Nothing is sent while rendering: the check runs from an effect, on the client.
    expect(adapter.calls).toEqual([]);
  });

  it('renders the email gate with a POST form, so a submit before hydration never puts the code in the URL', () => {
    const adapter = createMockAdapter({ code: '123456' });
    const html = renderToString(<EmailCodeGate adapter={adapter} />);
    expect(html).toContain('Confirm it’s you');
    expect(html).toContain('Email verification code');
    expect(html).toMatch(/<form[^>]*method="post"/);
    expect(html).not.toMatch(/<form(?![^>]*method="post")[^>]*>/);
    expect(adapter.calls).toEqual([]);
  });
});
