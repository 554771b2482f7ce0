/** A message the server "sent", kept in memory for the development inbox. */
export interface DevInboxMessage {
  id: number;
  channel: 'email' | 'sms' | 'call';
  to: string;
  /** The code it carried (development only: this is exactly what must never reach a log). */
  code: string;
  text: string;
  sentAt: string;
}

export interface DevInbox {
  add(message: Omit<DevInboxMessage, 'id' | 'sentAt'> & { sentAt?: Date }): void;
  /** Newest first. */
  list(): DevInboxMessage[];
  /** The newest message, optionally for one channel. */
  latest(channel?: DevInboxMessage['channel']): DevInboxMessage | undefined;
  clear(): void;
}

/**
 * An in-memory inbox for the fake provider and a development `sendEmail`. The app serves it at
 * `GET /dev/inbox` only when its environment is `development`.
 */
export function createDevInbox(limit = 50): DevInbox {
  let messages: DevInboxMessage[] = [];
  let nextId = 1;
  return {
    add(message) {
      const { sentAt, ...rest } = message;
      messages = [{ ...rest, id: nextId++, sentAt: (sentAt ?? new Date()).toISOString() }, ...messages].slice(0, limit);
    },
    list: () => [...messages],
    latest: (channel) => messages.find((message) => channel === undefined || message.channel === channel),
    clear() {
      messages = [];
    },
  };
}
