import { useEffect, useState } from 'react';

interface Message {
  id: number;
  channel: 'email' | 'sms' | 'call';
  to: string;
  code: string;
  text: string;
  sentAt: string;
}

const CHANNEL_NAMES = { email: 'Email', sms: 'SMS', call: 'Voice call' } as const;

/**
 * What the fake provider and the demo's sendEmail "sent", read from the server's development-only
 * /dev/inbox route. A real deployment has no such route: codes never leave the server but by SMS,
 * call or email.
 */
export function DevInbox() {
  const [messages, setMessages] = useState<Message[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const response = await fetch('/api/2fa/dev/inbox', { cache: 'no-store' });
        if (response.ok && !stopped) setMessages(((await response.json()) as { messages: Message[] }).messages);
      } catch {
        // The server restarted: try again on the next tick.
      }
    };
    void load();
    const timer = setInterval(load, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  return (
    <aside className="console-inbox" aria-labelledby="console-inbox-heading">
      <h2 id="console-inbox-heading">Dev inbox</h2>
      <p className="console-note">Development only: the codes the server “sent”.</p>
      {messages.length === 0 ? (
        <p>Nothing sent yet.</p>
      ) : (
        <ol className="console-messages" aria-label="Sent messages, newest first">
          {messages.map((message) => (
            <li key={message.id} data-channel={message.channel}>
              <span className="console-channel">{CHANNEL_NAMES[message.channel]}</span> to <span>{message.to}</span>:{' '}
              <code translate="no" data-testid={`inbox-code-${message.channel}`}>
                {message.code}
              </code>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
