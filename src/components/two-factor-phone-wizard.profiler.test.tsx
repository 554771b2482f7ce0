import { Profiler, createElement } from 'react';
import type { ComponentType, ProfilerOnRenderCallback } from 'react';
import { writeFileSync } from 'node:fs';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockAdapter } from '../adapters/mock-adapter';
import { TwoFactorPhoneWizard } from './two-factor-phone-wizard';

// Render counts, not timings: a React <Profiler> around the whole wizard counts commits, one
// around each step counts the commits that step took part in, and the wizard shell's renders are
// counted where it calls its orchestrator hook (exactly once per render of the shell). Along the
// way, anything that would reach another host (fetch, XHR, or an element with a remote src/href)
// is recorded.

type StepName = 'email-code-gate' | 'two-factor-section' | 'phone-entry' | 'code-verification' | 'recovery-code';

const counts = vi.hoisted(() => ({
  shellRenders: 0,
  commits: 0,
  steps: new Map<string, number>(),
}));

function countStep(step: StepName): ProfilerOnRenderCallback {
  return () => {
    counts.steps.set(step, (counts.steps.get(step) ?? 0) + 1);
  };
}

function withProfiler<P extends object>(step: StepName, Component: ComponentType<P>): ComponentType<P> {
  const onRender = countStep(step);
  return function Profiled(props: P) {
    return createElement(Profiler, { id: step, onRender }, createElement(Component, props));
  };
}

vi.mock('../hooks/use-two-factor-phone-wizard', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../hooks/use-two-factor-phone-wizard')>();
  return {
    ...actual,
    useTwoFactorPhoneWizard: (...args: Parameters<typeof actual.useTwoFactorPhoneWizard>) => {
      counts.shellRenders += 1;
      return actual.useTwoFactorPhoneWizard(...args);
    },
  };
});
vi.mock('./email-code-gate', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./email-code-gate')>();
  return { ...actual, EmailCodeGate: withProfiler('email-code-gate', actual.EmailCodeGate) };
});
vi.mock('./two-factor-section-view', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./two-factor-section-view')>();
  return { ...actual, TwoFactorSectionView: withProfiler('two-factor-section', actual.TwoFactorSectionView) };
});
vi.mock('./wizard-phone-entry-step', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./wizard-phone-entry-step')>();
  return { ...actual, WizardPhoneEntryStep: withProfiler('phone-entry', actual.WizardPhoneEntryStep) };
});
vi.mock('./code-verification-step', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./code-verification-step')>();
  return { ...actual, CodeVerificationStep: withProfiler('code-verification', actual.CodeVerificationStep) };
});
vi.mock('./recovery-code-step', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./recovery-code-step')>();
  return { ...actual, RecoveryCodeStep: withProfiler('recovery-code', actual.RecoveryCodeStep) };
});

const CODE = '123456';
/** Fewer digits than the code has, so typing never submits it. */
const PARTIAL_CODE = CODE.slice(0, -1);
const PHONE = '6502530000';

interface KeystrokeFigures {
  /** Characters typed. */
  keystrokes: number;
  /** React commits anywhere in the wizard, per keystroke. */
  commitsPerKeystroke: number;
  /** Renders of the wizard shell while typing (should be 0). */
  shellRenders: number;
  /** Commits each step took part in while typing. */
  stepCommits: Record<string, number>;
}

function resetCounts(): void {
  counts.shellRenders = 0;
  counts.commits = 0;
  counts.steps.clear();
}

function snapshot(keystrokes: number): KeystrokeFigures {
  return {
    keystrokes,
    commitsPerKeystroke: counts.commits / keystrokes,
    shellRenders: counts.shellRenders,
    stepCommits: Object.fromEntries(counts.steps),
  };
}

const figures: Record<string, KeystrokeFigures> = {};
/** URLs on other hosts the wizard tried to reach. */
const thirdPartyRequests: string[] = [];

function recordIfRemote(url: string | URL | Request): void {
  const href = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
  const { host } = new URL(href, window.location.href);
  if (host !== window.location.host) thirdPartyRequests.push(href);
}

let observer: MutationObserver | null = null;
beforeEach(() => {
  const fetch = vi.fn((input: string | URL | Request) => {
    recordIfRemote(input);
    return Promise.reject(new TypeError('network disabled in this test'));
  });
  vi.stubGlobal('fetch', fetch);
  const open = XMLHttpRequest.prototype.open;
  vi.spyOn(XMLHttpRequest.prototype, 'open').mockImplementation(function (this: XMLHttpRequest, ...args: unknown[]) {
    const url = args[1];
    if (typeof url === 'string' || url instanceof URL) recordIfRemote(url);
    Reflect.apply(open, this, args);
  });
  // jsdom loads no images or stylesheets, so record what a browser would have fetched.
  const check = (element: Element) => {
    for (const name of ['src', 'href', 'srcset', 'poster', 'data']) {
      const value = element.getAttribute(name);
      if (value && /^(?:https?:)?\/\//.test(value.trim())) recordIfRemote(value.trim().split(/\s/)[0] ?? '');
    }
  };
  observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target instanceof Element) check(mutation.target);
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        check(node);
        node.querySelectorAll('*').forEach(check);
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
});
afterEach(() => {
  observer?.disconnect();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

afterAll(() => {
  // `npm run bench` reads these figures (scripts/bench.mjs).
  const output = process.env.TFA_PROFILE_OUTPUT;
  if (output) writeFileSync(output, `${JSON.stringify({ keystrokes: figures, thirdPartyRequests }, null, 2)}\n`);
});

function renderProfiledWizard() {
  // No resend countdown: its once-a-second tick would commit the step while typing.
  const adapter = createMockAdapter({ code: CODE, phoneNumber: null, resendAfterSeconds: 0 });
  const onCommit: ProfilerOnRenderCallback = () => {
    counts.commits += 1;
  };
  render(
    <Profiler id="wizard" onRender={onCommit}>
      <TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} defaultCountry="US" />
    </Profiler>,
  );
}

describe('TwoFactorPhoneWizard render profile', () => {
  // The steps after the email gate are modules the wizard loads on demand (the phone step brings
  // libphonenumber-js, react-hook-form and zod). Their first transform and evaluation in this file
  // is a one-off cost of the test runner, not of the flow, and it fell on whichever test walked
  // the flow first: loaded here, under the hook's own timeout, each test times only the flow.
  // Nothing is counted here, and the wizard still loads each step through its own preloads. One at
  // a time, the mocked ones first: loaded together with the section step's module (which carries
  // the wizard past its first screen and so imports more mocked modules), a module's original
  // could get the original of another mocked module, and the step would go uncounted.
  beforeAll(async () => {
    await import('./code-verification-step');
    await import('./recovery-code-step');
    await import('./phone-entry-step');
    await import('./two-factor-section-step');
  });

  // The whole flow in jsdom (status read, email gate, section, phone entry, code, recovery code,
  // Finish) with real keystroke timing, which the per-keystroke figures need: 1.3–2.8 s alone on
  // two busy cores, over the 5 s default in a full `npm test` run.
  it('commits only the code step, once per keystroke, when typing either code; the shell never re-renders', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    renderProfiledWizard();

    const emailCode = await screen.findByLabelText('Email verification code');
    await screen.findByText(/We emailed a code/, { selector: '.tfa-lead' });
    // Focus first: the click is not a keystroke.
    await user.click(emailCode);
    resetCounts();
    await user.type(emailCode, PARTIAL_CODE, { skipClick: true });
    figures['email code'] = snapshot(PARTIAL_CODE.length);
    expect(figures['email code']).toEqual({
      keystrokes: PARTIAL_CODE.length,
      commitsPerKeystroke: 1,
      shellRenders: 0,
      stepCommits: { 'email-code-gate': PARTIAL_CODE.length },
    });

    await user.type(emailCode, CODE.slice(-1), { skipClick: true });
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: '+ Add phone based verification' }));
    await user.type(await screen.findByLabelText('Phone number'), PHONE);
    await user.click(screen.getByRole('button', { name: 'Send code via SMS' }));

    const phoneCode = await screen.findByLabelText('Verification code');
    await screen.findByText(/We sent a code to/, { selector: '.tfa-lead' });
    await user.click(phoneCode);
    resetCounts();
    await user.type(phoneCode, PARTIAL_CODE, { skipClick: true });
    figures['phone code'] = snapshot(PARTIAL_CODE.length);
    expect(figures['phone code']).toEqual({
      keystrokes: PARTIAL_CODE.length,
      commitsPerKeystroke: 1,
      shellRenders: 0,
      stepCommits: { 'code-verification': PARTIAL_CODE.length },
    });

    // The recovery code and Finish: the rest of the flow, for the request check below.
    await user.type(phoneCode, CODE.slice(-1), { skipClick: true });
    await user.click(await screen.findByRole('checkbox', { name: 'I have saved my recovery code' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(thirdPartyRequests).toEqual([]);
  });

  it('commits only the phone step, once per keystroke, when typing a phone number; the shell never re-renders', async () => {
    const user = userEvent.setup();
    renderProfiledWizard();

    await user.type(await screen.findByLabelText('Email verification code'), CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: '+ Add phone based verification' }));

    const phone = await screen.findByLabelText('Phone number');
    await user.click(phone);
    resetCounts();
    await user.type(phone, PHONE, { skipClick: true });
    // Then a correction. In a browser the formatter applies Backspace itself in its keydown
    // handler (it reads `keyCode`, which user-event leaves at 0), so that path is fired directly.
    fireEvent.keyDown(phone, { key: 'Backspace', code: 'Backspace', keyCode: 8 });
    await user.type(phone, PHONE.slice(-1), { skipClick: true });
    const keystrokes = PHONE.length + 2;
    figures['phone number'] = snapshot(keystrokes);
    expect(figures['phone number']).toEqual({
      keystrokes,
      commitsPerKeystroke: 1,
      shellRenders: 0,
      stepCommits: { 'phone-entry': keystrokes },
    });
    expect(phone).toHaveValue('(650) 253-0000');
    expect(thirdPartyRequests).toEqual([]);
  });
});
