// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createMockAdapter } from '../adapters/mock-adapter';
import { TwoFactorPhoneWizard } from './two-factor-phone-wizard';

describe('TwoFactorPhoneWizard on the server', () => {
  it('renders the email gate itself, not a loading fallback, without a DOM', () => {
    expect(typeof window).toBe('undefined');
    const adapter = createMockAdapter({ code: '123456' });
    const html = renderToString(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);
    expect(html).toContain('Confirm it’s you');
    expect(html).toContain('Email verification code');
    expect(html).not.toContain('Loading…');
    // Submitted before hydration, the form would go to the page's URL: as a body, not a query.
    expect(html).toMatch(/<form[^>]*method="post"/);
    expect(html).not.toMatch(/<form(?![^>]*method="post")[^>]*>/);
    // Nothing is sent while rendering: the gate sends its code from an effect, on the client.
    expect(adapter.calls).toEqual([]);
  });
});
