// The guards live in core, where the fetch adapter checks REST answers with the same rules.
export { isSendEmailCodeResult, isSendPhoneCodeResult, isTwoFactorStatus, isVerifyPhoneCodeResult } from '../core/results';
