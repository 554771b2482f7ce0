import type { TwoFactorErrorCode } from '../core/errors';
import type { PhoneParseFailure } from '../core/phone';

/**
 * Every string the styled components show or announce. Strings that carry data are functions, so
 * each locale can order words and pluralise as its grammar needs.
 */
export interface TwoFactorMessages {
  // --- shared -----------------------------------------------------------------------------------
  /** Accessible name of the whole flow's landmark. */
  flowLabel: string;
  /** Submit button of every code form. */
  verify: string;
  /** Shown on the submit button while a code is being checked. */
  verifying: string;
  /** Closes a dialog or leaves the flow without changes. */
  cancel: string;
  /** Requests a new code once the cooldown allows. */
  resend: string;
  /** Shown on the resend button while a new code is being sent. */
  resending: string;
  /** Countdown next to a resend button that is not yet available. */
  resendIn: (seconds: number) => string;
  /** Announced (politely) after a new code was sent. */
  codeResent: string;
  /** Hint under a code field. */
  codeHint: (length: number) => string;
  /** Under a code field submitted with fewer digits than the code has; no attempt was used. */
  codeIncomplete: (length: number) => string;
  /** Shown when a number of code attempts is known. */
  attemptsRemaining: (count: number) => string;
  /** Countdown after a rate limit or lockout: when the action may be retried. */
  retryIn: (seconds: number) => string;
  /** Shown once a rate limit's wait is over. */
  retryNow: string;
  /** Retries a failed load. */
  retry: string;
  /** Placeholder text while something loads. */
  loading: string;
  /** One message per adapter failure; never the adapter's own text. */
  errors: Record<TwoFactorErrorCode, string>;

  // --- email-code gate --------------------------------------------------------------------------
  /** Heading of the email step-up gate. */
  emailGateHeading: string;
  /** Shown while the first email is on its way. */
  emailGateSending: string;
  /** Where the code went, e.g. "We emailed a code to j•••@example.com". */
  emailGateSent: (maskedEmail: string) => string;
  /** Label of the emailed-code field (names the field a "code"). */
  emailCodeLabel: string;
  /** Announced when the email code verified. */
  emailVerified: string;

  // --- 2FA section ------------------------------------------------------------------------------
  /** Heading of the settings section. */
  sectionHeading: string;
  /** Label in front of the masked current number. */
  sectionPhoneLabel: string;
  /** Shown when no phone receives 2FA codes yet. */
  sectionNoPhone: string;
  /** Enters edit mode. */
  edit: string;
  /** Leaves edit mode. */
  doneEditing: string;
  /** Starts replacing the current number (opens the confirmation). */
  reset: string;
  /** Starts adding a number when there is none. */
  addPhone: string;
  /** Turns 2FA off (only offered when allowed). */
  disable: string;
  /** Shown on the disable confirmation's confirm button while pending. */
  disabling: string;
  /** Title of the disable confirmation dialog. */
  disableTitle: string;
  /** What turning 2FA off means, in plain words (and that it can be turned on again). */
  disableDescription: string;
  /** Confirms turning 2FA off. */
  disableConfirm: string;
  /** Announced after 2FA was turned off. */
  disabled: string;
  /** Why there is no Disable button on paid accounts. */
  mandatoryNote: string;
  /** Shown when the section's status could not be loaded. */
  sectionLoadFailed: string;
  /** Shown in the section after Finish, next to the new (masked) number. */
  phoneUpdated: string;

  // --- reset confirmation -----------------------------------------------------------------------
  /** Title of the reset confirmation dialog. */
  resetTitle: string;
  /** What resetting does, in plain words. */
  resetDescription: string;
  /** The checkbox the user must tick before resetting. */
  resetAcknowledge: string;
  /** Confirms the reset. */
  resetConfirm: string;
  /** Shown on the confirm button while the reset is in flight. */
  resetting: string;
  /** What resetting does with `resetTiming="immediate"`: the number is removed right away. */
  resetDescriptionImmediate: string;
  /** The checkbox with `resetTiming="immediate"`. */
  resetAcknowledgeImmediate: string;
  /** Heading of the step after Reset, before phone entry. */
  addPhoneHeading: string;
  /** On that step (swap on verify): the current number keeps working until the new one verifies. */
  addPhoneSwapNote: string;
  /** On that step (`resetTiming="immediate"`): the account has no 2FA phone until a new one verifies. */
  addPhoneRemovedNote: string;
  /** Title of the confirmation when leaving after the old phone was removed. */
  leaveTitle: string;
  /** Its consequence, in plain words. */
  leaveDescription: string;
  /** Confirms leaving. */
  leaveConfirm: string;
  /** Browser leave prompt while the account has no 2FA phone (older browsers only show it). */
  leaveNoPhoneWarning: string;

  // --- phone entry ------------------------------------------------------------------------------
  /** Heading of the phone entry step. */
  phoneEntryHeading: string;
  /** Visible label of the phone field. */
  phoneLabel: string;
  /** Visible label of the country select. */
  countryLabel: string;
  /** Country select option for numbers typed with their own `+` prefix. */
  internationalOption: string;
  /** Country select option text, e.g. "Germany (+49)". */
  countryOption: (countryName: string, callingCode: string) => string;
  /**
   * Said when a country is chosen for a number typed with another country's `+code`: the number
   * keeps its own country (it is never moved to the chosen one).
   */
  phoneCountryKept: (callingCode: string) => string;
  /** Hint under the phone label: an example number of the selected country. */
  phoneExample: (example: string) => string;
  /** Recommends a number not hosted on the same platform. */
  phoneNotice: string;
  /** Sends the code by text message. */
  sendSms: string;
  /** Sends the code by voice call. */
  sendCall: string;
  /** Shown on the send buttons while pending. */
  sending: string;
  /** Validation message per reason a number does not parse. */
  phoneErrors: Record<PhoneParseFailure, string>;

  // --- code verification ------------------------------------------------------------------------
  /** Heading of the code verification step. */
  codeVerificationHeading: string;
  /** Where the SMS went, e.g. "We sent a code to +1 650 253 0000". */
  codeSentSms: (phoneNumber: string) => string;
  /** The voice call in progress, e.g. "Calling +1 650 253 0000…". */
  codeSentCall: (phoneNumber: string) => string;
  /** Label of the phone-code field (names the field a "code"). */
  phoneCodeLabel: string;
  /** Switches delivery to a voice call. */
  switchToCall: string;
  /** Switches delivery back to a text message. */
  switchToSms: string;
  /** Goes back to phone entry, keeping the number. */
  changeNumber: string;
  /** Opens the delivery help on the phone code step. */
  didntGetCode: string;
  /** Asks for a new code by text message (delivery help, first option). */
  resendSms: string;
  /** Goes back to phone entry for a different number (delivery help, last option). */
  useAnotherNumber: string;
  /** How long codes stay valid when the backend does not say: no precise time is invented. */
  codeExpiresSoon: string;
  /** A new code may be requested right away. */
  newCodeNow: string;
  /** After too many wrong attempts: asks for a new code (the code field is disabled). */
  sendNewCode: string;
  /** Why the code field is disabled after too many wrong attempts. */
  codeLocked: string;

  // --- recovery code ----------------------------------------------------------------------------
  /** Heading of the recovery code step. */
  recoveryHeading: string;
  /** What the recovery code is for, and that it is shown only once. */
  recoveryIntro: string;
  /** Label of the displayed recovery code. */
  recoveryCodeLabel: string;
  /** Copies the code. */
  copy: string;
  /** Announced after a successful copy. */
  copied: string;
  /** Announced when the clipboard refused. */
  copyFailed: string;
  /** Downloads the code as a text file. */
  download: string;
  /** Prints the code. */
  print: string;
  /** The checkbox gating Finish. */
  recoveryAcknowledge: string;
  /** Ends the flow. */
  finish: string;
  /** Asked when leaving before confirming the code was saved (browsers may show their own text). */
  leaveWarning: string;
  /** What to call the service in the downloaded file when the host gives no `serviceName`. */
  serviceNameDefault: string;
  /** First line of the downloaded file. */
  recoveryFileTitle: (serviceName: string) => string;
  /** The account line of the downloaded file (the masked 2FA phone). */
  recoveryFileAccount: (account: string) => string;
  /** The date line of the downloaded file. */
  recoveryFileDate: (date: string) => string;
  /** One line on how to use the code, in the downloaded file. */
  recoveryFileUsage: string;

  // --- end --------------------------------------------------------------------------------------
  /** Heading once the flow is done. */
  doneHeading: string;
}
