/**
 * The wizard's two-factor-section step as one module to load on demand: the section view (whose Disable
 * confirmation needs Radix's dialog) and the reset confirmation (which needs it too). One chunk
 * instead of three (view, shared Radix, reset), so the flow downloads less in all.
 *
 * The wizard past its first screen (its machine, its hook, the rendering of every later step)
 * travels here too: the first screen loads both from its first render, and hands over on the
 * section, so both are needed at the same moment. One chunk instead of two compresses better.
 */
export { TwoFactorSectionView } from './two-factor-section-view';
export { ResetPhoneDialog } from './reset-phone-dialog';
export { ConfirmationDialog } from './confirmation-dialog';
export { WizardFlow } from './two-factor-phone-wizard-flow';
