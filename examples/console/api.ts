import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import {
  createDevInbox,
  createFakeProvider,
  createTwoFactorApp,
  openDatabase,
} from '../../server/src/index';
import type { DevInbox, OpenedDatabase, TwoFactorLimits } from '../../server/src/index';

export interface ConsoleApiOptions {
  /** PGlite data folder, or `memory://`. @default examples/console/data/pglite */
  dataDir: string;
  /** Overrides of the server's limits (tests shorten the resend cooldown). */
  limits?: Partial<TwoFactorLimits>;
}

export interface ConsoleApi {
  /** The host app: the 2FA API under /api/2fa. */
  app: Hono;
  inbox: DevInbox;
  database: OpenedDatabase;
}

/**
 * The signed-in user of the demo: one fixed account and no sessions. A real host reads its session
 * here and passes `sessionId` too, so the step-up belongs to the session that verified the email.
 */
const DEMO_USER = { id: 'demo-user', email: 'jane.doe@example.com', canDisable: false };

/** Keeps the demo's secret beside its data, so codes and the replay copy survive a restart. */
function demoSecret(dataDir: string): string {
  if (dataDir.startsWith('memory://')) return randomBytes(32).toString('base64url');
  const file = join(dataDir, '..', 'demo-secret');
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, '..'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The reference server as a host would mount it: embedded PGlite, the fake provider, and a dev
 * inbox that collects the "sent" emails, SMS and calls (served at /api/2fa/dev/inbox because the
 * environment is `development`).
 */
export async function createConsoleApi(options: ConsoleApiOptions): Promise<ConsoleApi> {
  const database = await openDatabase({ dataDir: options.dataDir, url: '' });
  const secret = demoSecret(options.dataDir);
  const inbox = createDevInbox();
  const twoFactor = createTwoFactorApp({
    db: database.db,
    provider: createFakeProvider({ db: database.db, secret, inbox }),
    getUser: () => DEMO_USER,
    sendEmail: (message) => {
      if (message.kind === 'step-up-code') {
        inbox.add({ channel: 'email', to: message.to, code: message.code, text: `Your verification code is ${message.code}` });
      }
    },
    secret,
    limits: options.limits,
    devInbox: inbox,
    environment: 'development',
  });
  const app = new Hono();
  app.route('/api/2fa', twoFactor);
  return { app, inbox, database };
}
