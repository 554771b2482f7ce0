import type { TwoFactorMessages } from './types';
import { enInitial } from './en-initial';

/** English copy (the default): the product wording. */
export const en: TwoFactorMessages = {
  ...enInitial,
  sectionHeading: 'Two-factor authentication (2FA)',
  sectionPhoneLabel: 'Phone',
  sectionNoPhone: 'No phone number receives your sign-in codes yet.',
  edit: 'Edit',
  doneEditing: 'Done',
  reset: 'Reset',
  disable: 'Disable two-factor authentication',
  disabling: 'Turning off…',
  disableTitle: 'Turn off two-factor authentication?',
  disableDescription: 'Signing in will be protected by your password alone. You can turn it back on at any time.',
  disableConfirm: 'Turn off',
  disabled: 'Two-factor authentication is turned off.',
  mandatoryNote: 'Two-factor authentication is required on paid accounts, so it can’t be turned off.',
  sectionLoadFailed: 'We couldn’t load your two-factor settings.',

  resetTitle: 'Reset your 2FA phone number?',
  resetDescription:
    'Your current number keeps receiving sign-in codes until you verify a new one. Once the new number is verified, it replaces the current one and you get a new recovery code.',
  resetAcknowledge: 'I understand my current number will stop receiving codes once the new one is verified',
  resetConfirm: 'Reset and continue',
  resetting: 'Resetting…',
  resetDescriptionImmediate:
    'Your current number will stop receiving sign-in codes right away. You will need to add and verify a new number to keep two-factor authentication working.',
  resetAcknowledgeImmediate: 'I understand my current number will no longer receive codes',

  phoneEntryHeading: 'Add a phone number',
  phoneLabel: 'Phone number',
  countryLabel: 'Country',
  internationalOption: 'International (start with +)',
  countryOption: (countryName, callingCode) => `${countryName} (+${callingCode})`,
  phoneCountryKept: (callingCode) =>
    `This number starts with +${callingCode}, so it keeps its own country. To enter a number of another country, delete +${callingCode} first.`,
  phoneExample: (example) => `For example: ${example}`,
  phoneNotice:
    'Use a number that is not hosted on this platform. If your account here is ever suspended, you will still receive codes on it and keep access.',
  sendSms: 'Send code via SMS',
  sendCall: 'Receive a call',
  sending: 'Sending code…',
  phoneErrors: {
    empty: 'Enter a phone number.',
    not_a_number: 'Enter a phone number using digits.',
    too_short: 'This phone number is too short.',
    too_long: 'This phone number is too long.',
    invalid_number: 'This phone number is not valid for the selected country.',
    has_extension: 'Numbers with an extension can’t receive codes. Remove the extension.',
    invalid_country: 'Choose a country, or start the number with + and its country code.',
  },

  codeVerificationHeading: 'Enter the code',
  codeSentSms: (phoneNumber) => `We sent a code to ${phoneNumber}`,
  codeSentCall: (phoneNumber) => `Calling ${phoneNumber}…`,
  phoneCodeLabel: 'Verification code',
  switchToCall: 'Receive a call',
  switchToSms: 'Send SMS instead',
  changeNumber: 'Change number',
  didntGetCode: 'Didn’t get a code?',
  resendSms: 'Resend code by SMS',
  useAnotherNumber: 'Use another number',
  codeExpiresSoon: 'Codes expire after a few minutes.',
  newCodeNow: 'You can request a new code now.',

  recoveryHeading: 'Save your recovery code',
  recoveryIntro:
    'If you lose access to your phone, this emergency code lets you sign in. It is shown only once: keep it somewhere safe.',
  recoveryCodeLabel: 'Recovery code',
  copy: 'Copy',
  copied: 'Recovery code copied.',
  copyFailed: 'Couldn’t copy. Select the code and copy it yourself.',
  download: 'Download .txt',
  print: 'Print',
  recoveryAcknowledge: 'I have saved my recovery code',
  finish: 'Finish',
  leaveWarning: 'You haven’t confirmed that you saved your recovery code. Leave anyway?',
  serviceNameDefault: 'your account',
  recoveryFileTitle: (serviceName) => `Emergency recovery code for ${serviceName}`,
  recoveryFileAccount: (account) => `Account: two-factor phone ${account}`,
  recoveryFileDate: (date) => `Saved on: ${date}`,
  recoveryFileUsage:
    'If you lose access to your phone, enter this code where you are asked for a verification code. It works once.',
};
