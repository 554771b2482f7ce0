import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { createServer } from 'vite';
import { consoleConfig } from '../../examples/console/config';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/**
 * The example console (examples/console) as `npm run demo` serves it — Vite, the library from
 * source, the reference server with the fake provider — on 127.0.0.1 with an in-memory PGlite,
 * and a Chromium to drive it.
 */
export async function startConsole() {
  // A short resend cooldown so the test can resend without waiting 30 seconds.
  const server = await createServer(
    consoleConfig({ dataDir: 'memory://', port: 0, limits: { resendCooldownSeconds: 1, emailCooldownSeconds: 1 } }),
  );
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the console did not start');
  const url = `http://127.0.0.1:${address.port}`;
  return { url, close: () => server.close() };
}

export async function launchChromium(): Promise<Browser> {
  const found = findChromium();
  return chromium.launch({ headless: true, args: CHROMIUM_ARGS, ...(found.path ? { executablePath: found.path } : {}) });
}

interface InboxMessage {
  channel: 'email' | 'sms' | 'call';
  to: string;
  code: string;
}

/** The console API, called from Node as the same demo user (same-origin requests carry no Origin). */
export function consoleApi(url: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/api/2fa${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
  };
  const inbox = async (): Promise<InboxMessage[]> => ((await call('GET', '/dev/inbox')).body as { messages: InboxMessage[] }).messages;
  const latest = async (channel: InboxMessage['channel']) => {
    const message = (await inbox()).find((m) => m.channel === channel);
    if (!message) throw new Error(`no ${channel} in the dev inbox`);
    return message.code;
  };
  return {
    call,
    inbox,
    latest,
    async stepUp() {
      if ((await call('POST', '/email-code', {})).status !== 200) throw new Error('email-code refused');
      if ((await call('POST', '/email-code/verify', { code: await latest('email') })).status !== 204) throw new Error('step-up refused');
    },
    async addPhone(phoneNumber: string) {
      if ((await call('POST', '/phone/code', { phoneNumber, channel: 'sms' })).status !== 200) throw new Error('phone/code refused');
      const verified = await call('POST', '/phone/verify', { phoneNumber, code: await latest('sms'), replacesCurrent: false });
      if (verified.status !== 200) throw new Error('phone/verify refused');
    },
    async status() {
      const answer = await call('GET', '/status');
      if (answer.status !== 403) return answer.body;
      // A swap ends the step-up (the demo has no sessions, so the page's swap ends this one too).
      await new Promise((resolve) => setTimeout(resolve, 1100)); // the console's 1 s email cooldown
      await this.stepUp();
      return (await call('GET', '/status')).body;
    },
  };
}
