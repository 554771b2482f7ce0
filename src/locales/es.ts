/**
 * `react-2fa-phone/locales/es`: the Spanish copy, for hosts to pass in so it is bundled only where
 * it is used: `<TwoFactorPhoneWizard locale="es" messages={es} … />`.
 */
export { es } from '../i18n/es';
