import { MessagesProvider } from '../i18n/context';
import { PhoneEntryStepContent, toCountry } from './phone-entry-step';
import type { PhoneEntryStepProps } from './phone-entry-step';
import { SPLIT_PHONE_SUPPORT } from './phone-support-split';

// A module of its own: the wizard loads it with import(), which keeps every export of the module
// it loads, and the public PhoneEntryStep (with every country's metadata) must not come along.

// The two steps after phone entry travel in this module's chunk (issue 14). As chunks of their own
// they shared code with the page's JS and with this step in different ways, and a bundler that
// splits by who imports what (esbuild) then cut the gate's JS into more, smaller chunks that
// compress worse: together, the gate's JS and the whole flow are smaller, and both steps are
// there before they are needed.
export { CodeVerificationStep } from './code-verification-step';
export { WizardRecoveryCodeStep } from './recovery-code-step';

/**
 * The phone step as the wizard shows it: the same step over the metadata it loads by calling code
 * (the default country's is preloaded on the step before), so a user downloads one country's
 * share, not all of them. Suspends until the default country's metadata is there, which the
 * preload makes rare.
 */
export function WizardPhoneEntryStep({ locale, messages, ...props }: PhoneEntryStepProps) {
  const country = toCountry(props.defaultCountry);
  if (!SPLIT_PHONE_SUPPORT.isReadyFor('', country)) {
    // Caught by the wizard's Suspense boundary; React renders again once it settles (a failed
    // load renders the step all the same, reading numbers as international until a retry).
    throw SPLIT_PHONE_SUPPORT.loadFor('', country).catch(() => undefined);
  }
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <PhoneEntryStepContent {...props} phone={SPLIT_PHONE_SUPPORT} />
    </MessagesProvider>
  );
}


/** Loads a country's phone metadata (for the wizard's loader of this step); never rejects. */
export function loadPhoneMetadata(country: string | undefined): Promise<unknown> {
  return SPLIT_PHONE_SUPPORT.loadFor('', toCountry(country)).catch(() => undefined);
}
