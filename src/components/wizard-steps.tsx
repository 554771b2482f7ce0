import { Announce } from './component-root';
import { Button } from './button';
import { useInitialMessages } from '../i18n/context';

// What the wizard's first screen (two-factor-phone-wizard.tsx) and the rest of the flow
// (two-factor-phone-wizard-flow.tsx, loaded on demand) share.

/** Shown while a step's module loads: rare, since each step is preloaded on the step before. */
export function StepLoading({ state = 'loading' }: { state?: 'loading' | 'checking' }) {
  const t = useInitialMessages();
  return (
    <div className="tfa-step" data-state={state} aria-busy="true">
      <p className="tfa-loading">{t.loading}</p>
    </div>
  );
}

/** A step's module failed to load (e.g. offline): say so, and offer to try again. */
export function StepLoadFailed({ onRetry }: { onRetry: () => void }) {
  const t = useInitialMessages();
  return (
    <div className="tfa-step" data-state="error">
      <Announce message={t.errors.network} politeness="assertive" />
      <p className="tfa-error">{t.errors.network}</p>
      <div className="tfa-actions">
        <Button onClick={onRetry}>{t.retry}</Button>
      </div>
    </div>
  );
}
