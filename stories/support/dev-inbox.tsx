import { useCallback, useId, useSyncExternalStore } from 'react';
import type { MockAdapter, MockMessage } from '../../src/adapters';
import { formatPhoneForDisplay } from '../../src/core/phone';
import './support.css';

/** The part of the mock adapter the inbox reads. */
export type DevInboxSource = Pick<MockAdapter, 'messages' | 'subscribe'>;

export interface DevInboxProps {
  /** The mock adapter whose sent messages are shown. */
  adapter: DevInboxSource;
  /** Level of the inbox heading, to fit the page outline. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Class names after `sb-inbox`. */
  className?: string;
}

const CHANNEL_LABEL: Record<MockMessage['kind'], string> = {
  email: 'Email',
  sms: 'SMS',
  call: 'Voice call',
};

/** Where the message went, as a person reads it: the masked email, or the number spaced out. */
function recipient(message: MockMessage): string {
  return message.kind === 'email' ? message.to : formatPhoneForDisplay(message.to);
}

function channelLabel(kind: MockMessage['kind']): string {
  switch (kind) {
    case 'email':
    case 'sms':
    case 'call':
      return CHANNEL_LABEL[kind];
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * What the mock backend "sent" (emails, text messages, voice calls) with the code each carries,
 * newest first, so a person can walk the flow in Storybook without a real inbox or phone. A
 * development aid: a real product never shows codes on the page.
 */
export function DevInbox({ adapter, headingLevel = 2, className }: DevInboxProps) {
  const subscribe = useCallback((onChange: () => void) => adapter.subscribe(() => onChange()), [adapter]);
  const getSnapshot = useCallback(() => adapter.messages, [adapter]);
  const messages = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const newestFirst = [...messages].reverse();

  return (
    <section aria-labelledby={headingId} className={className ? `sb-inbox ${className}` : 'sb-inbox'}>
      <Heading id={headingId} className="sb-inbox__heading">
        Dev inbox
      </Heading>
      <p className="sb-inbox__hint">Messages the demo backend sent. Never shown in a real product.</p>
      {/* A log region: each new message is read out once, without the user leaving the form. */}
      {/* Focusable: on a phone the list scrolls within a short box, and must scroll by keyboard too. */}
      <div role="log" aria-label="Sent messages" data-testid="dev-inbox-log" className="sb-inbox__log" tabIndex={0}>
        {newestFirst.length === 0 ? (
          <p className="sb-inbox__empty">No messages yet.</p>
        ) : (
          <ol className="sb-inbox__list" reversed>
            {newestFirst.map((message) => (
              <li
                key={message.id}
                className="sb-inbox__message"
                data-kind={message.kind}
                data-message-id={message.id}
              >
                <div className="sb-inbox__meta">
                  <span className="sb-inbox__channel">{channelLabel(message.kind)}</span>
                  <span className="sb-inbox__to">
                    to <bdi>{recipient(message)}</bdi>
                  </span>
                </div>
                <span>
                  Code:{' '}
                  <code className="sb-inbox__code" translate="no" data-testid="dev-inbox-code">
                    {message.code}
                  </code>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
