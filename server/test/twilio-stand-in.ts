import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Twilio Verify v2 API on 127.0.0.1: it records each request and answers
 * with the payloads and error bodies Twilio documents (https://www.twilio.com/docs/verify/api,
 * https://www.twilio.com/docs/api/errors). Nothing leaves the machine.
 */
export const SERVICE_SID = 'VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const ACCOUNT_SID = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const VERIFICATION_SID = 'VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

export interface StandInAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A documented Verification resource (as answered by create, update and check). */
export function verification(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sid: VERIFICATION_SID,
    service_sid: SERVICE_SID,
    account_sid: ACCOUNT_SID,
    to: '+15017122661',
    channel: 'sms',
    status: 'pending',
    valid: false,
    lookup: {},
    amount: null,
    payee: null,
    send_code_attempts: [{ time: '2015-07-30T20:00:00Z', channel: 'SMS', attempt_sid: 'VLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
    date_created: '2015-07-30T20:00:00Z',
    date_updated: '2015-07-30T20:00:00Z',
    sna: null,
    url: `https://verify.twilio.com/v2/Services/${SERVICE_SID}/Verifications/${VERIFICATION_SID}`,
    ...fields,
  };
}

/** Twilio's error body: `{ code, message, more_info, status }`. */
export function twilioError(status: number, code: number, message: string): StandInAnswer {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

/** Answers a request; a promise holds the answer back (a slow Twilio). */
export type Handler = (request: RecordedRequest) => StandInAnswer | Promise<StandInAnswer>;

export async function startTwilioStandIn(handler: Handler) {
  const requests: RecordedRequest[] = [];
  let current: Handler = handler;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        form: Object.fromEntries(new URLSearchParams(raw)),
      };
      requests.push(recorded);
      void Promise.resolve(current(recorded)).then((answer) => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerWith(next: Handler) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
