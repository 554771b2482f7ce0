import { useState } from 'react';
import { TwoFactorPhoneWizard, createFetchAdapter } from 'react-2fa-phone';
import { DevInbox } from './dev-inbox';

/** The API mounted by the console's server (config.ts); same origin, so cookies and CSRF checks just work. */
const adapter = createFetchAdapter({ baseUrl: '/api/2fa' });

type Outcome = 'editing' | 'completed' | 'cancelled';

/** A tiny settings page: the wizard against the reference server, and the dev inbox beside it. */
export function App() {
  const [outcome, setOutcome] = useState<Outcome>('editing');
  // A new key remounts the wizard when the user starts over.
  const [round, setRound] = useState(0);
  const restart = () => {
    setOutcome('editing');
    setRound((n) => n + 1);
  };

  return (
    <div className="console">
      <main className="console-main">
        <h1>Account settings</h1>
        <p className="console-lead">Signed in as jane.doe@example.com (demo account, fake SMS provider, PGlite).</p>
        {outcome === 'editing' ? (
          <TwoFactorPhoneWizard
            key={round}
            adapter={adapter}
            defaultCountry="US"
            headingLevel={2}
            onComplete={() => setOutcome('completed')}
            onCancel={() => setOutcome('cancelled')}
          />
        ) : (
          <section aria-labelledby="console-outcome">
            <h2 id="console-outcome">{outcome === 'completed' ? 'Two-factor settings saved' : 'No changes made'}</h2>
            <p>{outcome === 'completed' ? 'Continue to your dashboard.' : 'Your two-factor settings are as they were.'}</p>
            <button type="button" onClick={restart}>
              Back to settings
            </button>
          </section>
        )}
      </main>
      <DevInbox />
    </div>
  );
}
