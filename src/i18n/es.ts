import type { TwoFactorMessages } from './types';
import { formatClock } from './format';

/** Spanish copy. */
export const es: TwoFactorMessages = {
  flowLabel: 'Configuración de la verificación en dos pasos',
  verify: 'Verificar',
  verifying: 'Verificando…',
  cancel: 'Cancelar',
  resend: 'Reenviar código',
  resending: 'Enviando…',
  resendIn: (seconds) => `Podrás pedir un código nuevo en ${formatClock(seconds)}`,
  codeResent: 'Te enviamos un código nuevo.',
  codeHint: (length) => `Introduce el código de ${length} dígitos.`,
  codeIncomplete: (length) =>
    length === 1 ? 'Introduce el dígito del código.' : `Introduce los ${length} dígitos del código.`,
  attemptsRemaining: (count) => (count === 1 ? 'Queda 1 intento.' : `Quedan ${count} intentos.`),
  retryIn: (seconds) => `Podrás volver a intentarlo en ${formatClock(seconds)}.`,
  retryNow: 'Ya puedes volver a intentarlo.',
  retry: 'Reintentar',
  loading: 'Cargando…',
  errors: {
    invalid_code: 'El código no es correcto. Revísalo e inténtalo de nuevo.',
    expired_code: 'El código ha caducado. Pide uno nuevo.',
    too_many_attempts: 'Demasiados intentos incorrectos. Pide un código nuevo.',
    rate_limited: 'Demasiadas solicitudes. Espera antes de volver a intentarlo.',
    invalid_phone_number: 'Ese número de teléfono no es válido.',
    unsupported_phone_number: 'No podemos enviar códigos a ese número. Prueba con otro.',
    reverification_required: 'Por tu seguridad, confirma de nuevo que eres tú.',
    network: 'No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
    unknown: 'Algo salió mal. Inténtalo de nuevo.',
  },

  emailGateHeading: 'Confirma que eres tú',
  emailGateSending: 'Enviando un código a tu correo…',
  emailGateSent: (maskedEmail) => `Enviamos un código a ${maskedEmail}`,
  emailCodeLabel: 'Código de verificación del correo',
  emailVerified: 'Verificado.',

  sectionHeading: 'Verificación en dos pasos (2FA)',
  sectionPhoneLabel: 'Teléfono',
  sectionNoPhone: 'Todavía ningún teléfono recibe tus códigos de inicio de sesión.',
  edit: 'Editar',
  doneEditing: 'Listo',
  reset: 'Restablecer',
  addPhone: '+ Añadir verificación por teléfono',
  disable: 'Desactivar la verificación en dos pasos',
  disabling: 'Desactivando…',
  disableTitle: '¿Desactivar la verificación en dos pasos?',
  disableDescription:
    'Al iniciar sesión, tu cuenta quedará protegida solo por tu contraseña. Puedes volver a activar la verificación en dos pasos cuando quieras.',
  disableConfirm: 'Desactivar',
  disabled: 'La verificación en dos pasos está desactivada.',
  mandatoryNote: 'La verificación en dos pasos es obligatoria en las cuentas de pago y no se puede desactivar.',
  sectionLoadFailed: 'No pudimos cargar tu configuración de verificación en dos pasos.',

  resetTitle: '¿Restablecer tu teléfono de 2FA?',
  resetDescription:
    'Tu número actual dejará de recibir códigos de inicio de sesión de inmediato. Tendrás que añadir y verificar un número nuevo para que la verificación en dos pasos siga funcionando.',
  resetAcknowledge: 'Entiendo que mi número actual dejará de recibir códigos',
  resetConfirm: 'Restablecer y continuar',
  resetting: 'Restableciendo…',

  phoneEntryHeading: 'Añade un número de teléfono',
  phoneLabel: 'Número de teléfono',
  countryLabel: 'País',
  internationalOption: 'Internacional (empieza con +)',
  countryOption: (countryName, callingCode) => `${countryName} (+${callingCode})`,
  phoneCountryKept: (callingCode) =>
    `Este número empieza por +${callingCode}, así que conserva su país. Para introducir un número de otro país, borra antes +${callingCode}.`,
  phoneExample: (example) => `Por ejemplo: ${example}`,
  phoneNotice:
    'Usa un número que no esté alojado en esta plataforma. Si alguna vez se suspende tu cuenta aquí, seguirás recibiendo códigos en él y conservarás el acceso.',
  sendSms: 'Enviar código por SMS',
  sendCall: 'Recibir una llamada',
  sending: 'Enviando código…',
  phoneErrors: {
    empty: 'Introduce un número de teléfono.',
    not_a_number: 'Introduce un número de teléfono con dígitos.',
    too_short: 'El número de teléfono es demasiado corto.',
    too_long: 'El número de teléfono es demasiado largo.',
    invalid_number: 'El número de teléfono no es válido para el país seleccionado.',
    has_extension: 'Los números con extensión no pueden recibir códigos. Quita la extensión.',
    invalid_country: 'Elige un país o empieza el número con + y su prefijo.',
  },

  codeVerificationHeading: 'Introduce el código',
  codeSentSms: (phoneNumber) => `Enviamos un código a ${phoneNumber}`,
  codeSentCall: (phoneNumber) => `Llamando a ${phoneNumber}…`,
  phoneCodeLabel: 'Código de verificación',
  switchToCall: 'Recibir una llamada',
  switchToSms: 'Enviar SMS en su lugar',
  changeNumber: 'Cambiar número',

  recoveryHeading: 'Guarda tu código de recuperación',
  recoveryIntro:
    'Si pierdes el acceso a tu teléfono, este código de emergencia te permite iniciar sesión. Solo se muestra una vez: guárdalo en un lugar seguro.',
  recoveryCodeLabel: 'Código de recuperación',
  copy: 'Copiar',
  copied: 'Código de recuperación copiado.',
  copyFailed: 'No se pudo copiar. Selecciona el código y cópialo tú.',
  download: 'Descargar .txt',
  print: 'Imprimir',
  recoveryAcknowledge: 'He guardado mi código de recuperación',
  finish: 'Finalizar',
  leaveWarning: 'No has confirmado que guardaste tu código de recuperación. ¿Salir de todos modos?',

  doneHeading: 'La verificación en dos pasos está configurada',
};
