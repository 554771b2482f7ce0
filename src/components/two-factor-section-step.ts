/**
 * The wizard's two-factor-section step as one module to load on demand: the section view (whose Disable
 * confirmation needs Radix's dialog) and the reset confirmation (which needs it too). One chunk
 * instead of three (view, shared Radix, reset), so the flow downloads less in all.
 */
export { TwoFactorSectionView } from './two-factor-section-view';
export { ResetPhoneDialog } from './reset-phone-dialog';
export { ConfirmationDialog } from './confirmation-dialog';
