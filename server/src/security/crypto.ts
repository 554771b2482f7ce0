import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  randomUUID,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

/** A random identifier for a row. */
export function newId(): string {
  return randomUUID();
}

/** `length` random decimal digits from the CSPRNG. */
export function randomDigits(length: number): string {
  let digits = '';
  for (let i = 0; i < length; i += 1) digits += String(randomInt(10));
  return digits;
}

/**
 * A one-time code's stored form: HMAC-SHA-256 under the server secret, bound to the row it belongs
 * to. Short codes are protected by their attempt limit and expiry; the keyed hash keeps a database
 * dump from revealing live codes.
 */
export function hashCode(secret: Uint8Array, scope: string, code: string): string {
  return createHmac('sha256', secret).update(`${scope}\u0000${code}`).digest('base64url');
}

/** Constant-time comparison of two strings of stored hashes. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// No 0/O or 1/I: 32 symbols, so 16 characters carry 80 bits.
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new emergency recovery code, e.g. `ABCD-EFGH-JKMN-PQRS`. */
export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What a user may type for a recovery code: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 } as const;

function scryptAsync(password: string, salt: Buffer, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** The stored form of a recovery code: `scrypt$N$r$p$salt$hash` (a slow KDF, its own salt). */
export async function hashRecoveryCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(normaliseRecoveryCode(code), salt, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `code` matches a stored `hashRecoveryCode` value (constant-time). */
export async function verifyRecoveryCodeHash(code: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash || Number(n) !== SCRYPT.N || Number(r) !== SCRYPT.r || Number(p) !== SCRYPT.p) {
    return false;
  }
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(normaliseRecoveryCode(code), Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(key, expected);
}

export interface SealedReplay {
  salt: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

/** AES-256-GCM key for a replay copy: HKDF over the server secret, bound to the number and the code. */
function replayKey(secret: Uint8Array, salt: Buffer, phoneNumber: string, code: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, `tfa-recovery-replay\u0000${phoneNumber}\u0000${code}`, 32));
}

/**
 * Encrypts the recovery code for the lost-answer replay. Without the verification code the user
 * typed, the server secret alone does not open it.
 */
export function sealReplay(secret: Uint8Array, phoneNumber: string, code: string, recoveryCode: string): SealedReplay {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', replayKey(secret, salt, phoneNumber, code), iv);
  const ciphertext = Buffer.concat([cipher.update(recoveryCode, 'utf8'), cipher.final()]);
  return {
    salt: salt.toString('base64url'),
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

/** The recovery code back, or `null` when the number or the code is not the one it was sealed with. */
export function openReplay(secret: Uint8Array, phoneNumber: string, code: string, sealed: SealedReplay): string | null {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      replayKey(secret, Buffer.from(sealed.salt, 'base64url'), phoneNumber, code),
      Buffer.from(sealed.iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
