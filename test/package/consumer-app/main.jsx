// A host app as a consumer writes one: the published package, its stylesheet, React 19,
// StrictMode, and a route change once the flow completes.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TwoFactorPhoneWizard, createMockAdapter } from 'react-2fa-phone';
import 'react-2fa-phone/styles.css';

const adapter = createMockAdapter({ code: '123456', recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });

function App() {
  const [completion, setCompletion] = useState(null);
  if (completion) {
    // What the host learned from the flow, for the test to read: how many arguments onComplete
    // got (none: callbacks never carry a code) and which adapter methods ran (names only).
    return (
      <main
        data-complete-arguments={completion.argumentCount}
        data-complete-details={completion.details}
        data-adapter-calls={completion.calls}
      >
        <h1>Dashboard</h1>
      </main>
    );
  }
  return (
    <main>
      <h1>Account settings</h1>
      <TwoFactorPhoneWizard
        adapter={adapter}
        onComplete={(...args) => {
          document.title = 'Dashboard';
          setCompletion({ argumentCount: args.length, details: JSON.stringify(args[0]), calls: adapter.calls.join(' ') });
        }}
      />
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
