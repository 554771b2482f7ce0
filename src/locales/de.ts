/**
 * `react-2fa-phone/locales/de`: the German copy, for hosts to pass in so it is bundled only where
 * it is used: `<TwoFactorPhoneWizard locale="de" messages={de} … />`.
 */
export { de } from '../i18n/de';
