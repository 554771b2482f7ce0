/**
 * The wizard past its first screen as one module to load on demand (two-factor-phone-wizard-flow):
 * its machine and hook, and with them the section step it opens on, the reset confirmation and
 * the leave dialog (all three on Radix's dialog). One chunk: the first screen loads it from its
 * first render, and everything in it is needed at the same moment, when the flow takes over.
 */
export { WizardFlow } from './two-factor-phone-wizard-flow';
