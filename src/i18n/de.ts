import type { TwoFactorMessages } from './types';
import { formatClock } from './format';

/** German copy. */
export const de: TwoFactorMessages = {
  flowLabel: 'Einrichtung der Zwei-Faktor-Authentifizierung',
  verify: 'Bestätigen',
  verifying: 'Wird geprüft…',
  cancel: 'Abbrechen',
  resend: 'Code erneut senden',
  resending: 'Wird gesendet…',
  resendIn: (seconds) => `Neuen Code anfordern in ${formatClock(seconds)}`,
  codeResent: 'Wir haben dir einen neuen Code gesendet.',
  codeHint: (length) => `Gib den ${length}-stelligen Code ein.`,
  codeIncomplete: (length) =>
    length === 1 ? 'Gib die Ziffer des Codes ein.' : `Gib alle ${length} Ziffern des Codes ein.`,
  attemptsRemaining: (count) => (count === 1 ? 'Noch 1 Versuch.' : `Noch ${count} Versuche.`),
  retryIn: (seconds) => `Erneut versuchen in ${formatClock(seconds)}.`,
  retryNow: 'Du kannst es jetzt erneut versuchen.',
  retry: 'Erneut versuchen',
  loading: 'Wird geladen…',
  errors: {
    invalid_code: 'Der Code ist nicht korrekt. Prüfe ihn und versuche es erneut.',
    expired_code: 'Der Code ist abgelaufen. Fordere einen neuen an.',
    too_many_attempts: 'Zu viele falsche Versuche. Fordere einen neuen Code an.',
    rate_limited: 'Zu viele Anfragen. Bitte warte, bevor du es erneut versuchst.',
    invalid_phone_number: 'Diese Telefonnummer ist ungültig.',
    unsupported_phone_number: 'An diese Nummer können wir keine Codes senden. Versuche eine andere.',
    reverification_required: 'Bestätige zu deiner Sicherheit bitte erneut, dass du es bist.',
    network: 'Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
    unknown: 'Etwas ist schiefgelaufen. Bitte versuche es erneut.',
  },

  emailGateHeading: 'Bestätige, dass du es bist',
  emailGateSending: 'Code wird an deine E-Mail-Adresse gesendet…',
  emailGateSent: (maskedEmail) => `Wir haben einen Code an ${maskedEmail} gesendet`,
  emailCodeLabel: 'Bestätigungscode aus der E-Mail',
  emailVerified: 'Bestätigt.',

  sectionHeading: 'Zwei-Faktor-Authentifizierung (2FA)',
  sectionPhoneLabel: 'Telefon',
  sectionNoPhone: 'Noch keine Telefonnummer empfängt deine Anmeldecodes.',
  edit: 'Bearbeiten',
  doneEditing: 'Fertig',
  reset: 'Zurücksetzen',
  addPhone: '+ Telefonbasierte Bestätigung hinzufügen',
  disable: 'Zwei-Faktor-Authentifizierung deaktivieren',
  disabling: 'Wird deaktiviert…',
  disableTitle: 'Zwei-Faktor-Authentifizierung deaktivieren?',
  disableDescription:
    'Die Anmeldung ist dann nur noch durch dein Passwort geschützt. Du kannst die Zwei-Faktor-Authentifizierung jederzeit wieder aktivieren.',
  disableConfirm: 'Deaktivieren',
  disabled: 'Die Zwei-Faktor-Authentifizierung ist deaktiviert.',
  mandatoryNote: 'Bei bezahlten Konten ist die Zwei-Faktor-Authentifizierung Pflicht und kann nicht deaktiviert werden.',
  sectionLoadFailed: 'Deine Einstellungen zur Zwei-Faktor-Authentifizierung konnten nicht geladen werden.',

  resetTitle: 'Telefonnummer für 2FA zurücksetzen?',
  resetDescription:
    'Deine aktuelle Nummer erhält sofort keine Anmeldecodes mehr. Du musst eine neue Nummer hinzufügen und bestätigen, damit die Zwei-Faktor-Authentifizierung weiter funktioniert.',
  resetAcknowledge: 'Ich verstehe, dass meine aktuelle Nummer keine Codes mehr erhält',
  resetConfirm: 'Zurücksetzen und fortfahren',
  resetting: 'Wird zurückgesetzt…',

  phoneEntryHeading: 'Telefonnummer hinzufügen',
  phoneLabel: 'Telefonnummer',
  countryLabel: 'Land',
  internationalOption: 'International (mit + beginnen)',
  countryOption: (countryName, callingCode) => `${countryName} (+${callingCode})`,
  phoneCountryKept: (callingCode) =>
    `Diese Nummer beginnt mit +${callingCode} und behält daher ihr Land. Um eine Nummer eines anderen Landes einzugeben, lösche zuerst +${callingCode}.`,
  phoneExample: (example) => `Zum Beispiel: ${example}`,
  phoneNotice:
    'Verwende eine Nummer, die nicht auf dieser Plattform gehostet wird. Falls dein Konto hier einmal gesperrt wird, erhältst du darauf weiterhin Codes und behältst den Zugang.',
  sendSms: 'Code per SMS senden',
  sendCall: 'Anruf erhalten',
  sending: 'Code wird gesendet…',
  phoneErrors: {
    empty: 'Gib eine Telefonnummer ein.',
    not_a_number: 'Gib eine Telefonnummer aus Ziffern ein.',
    too_short: 'Diese Telefonnummer ist zu kurz.',
    too_long: 'Diese Telefonnummer ist zu lang.',
    invalid_number: 'Diese Telefonnummer ist für das gewählte Land ungültig.',
    has_extension: 'Nummern mit Durchwahl können keine Codes empfangen. Entferne die Durchwahl.',
    invalid_country: 'Wähle ein Land oder beginne die Nummer mit + und der Ländervorwahl.',
  },

  codeVerificationHeading: 'Code eingeben',
  codeSentSms: (phoneNumber) => `Wir haben einen Code an ${phoneNumber} gesendet`,
  codeSentCall: (phoneNumber) => `${phoneNumber} wird angerufen…`,
  phoneCodeLabel: 'Bestätigungscode',
  switchToCall: 'Anruf erhalten',
  switchToSms: 'Stattdessen SMS senden',
  changeNumber: 'Nummer ändern',

  recoveryHeading: 'Wiederherstellungscode speichern',
  recoveryIntro:
    'Falls du keinen Zugriff mehr auf dein Telefon hast, kannst du dich mit diesem Notfallcode anmelden. Er wird nur einmal angezeigt: Bewahre ihn sicher auf.',
  recoveryCodeLabel: 'Wiederherstellungscode',
  copy: 'Kopieren',
  copied: 'Wiederherstellungscode kopiert.',
  copyFailed: 'Kopieren nicht möglich. Markiere den Code und kopiere ihn selbst.',
  download: '.txt herunterladen',
  print: 'Drucken',
  recoveryAcknowledge: 'Ich habe meinen Wiederherstellungscode gespeichert',
  finish: 'Fertigstellen',
  leaveWarning: 'Du hast nicht bestätigt, dass du deinen Wiederherstellungscode gespeichert hast. Trotzdem verlassen?',

  doneHeading: 'Die Zwei-Faktor-Authentifizierung ist eingerichtet',
};
