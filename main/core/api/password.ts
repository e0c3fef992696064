/**
 * Passwords as scrypt hashes (node:crypto, no extra library): "scrypt$N$r$p$salt$hash", salt and
 * hash in base64. N = 2^15 costs about a tenth of a second and 32 MiB per try, so a stolen store
 * cannot be guessed through quickly; the parameters travel with each hash, so raising them later
 * leaves older hashes readable. Asynchronous: a sign-in never stalls the server's other calls.
 */
import crypto from 'node:crypto';

export const KDF = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function scrypt(password: string, salt: Buffer, keyLength: number, o: { N: number; r: number; p: number }): Promise<Buffer> {
  // maxmem above 128 * N * r, which is node's default limit exactly at N = 2^15.
  return new Promise((resolve, reject) => crypto.scrypt(password.normalize('NFC'), salt, keyLength, { ...o, maxmem: 256 * o.N * o.r }, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(KDF.saltLength);
  const key = await scrypt(password, salt, KDF.keyLength, KDF);
  return `scrypt$${KDF.N}$${KDF.r}$${KDF.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** The parameters of a stored hash, or null where it is not one of ours. */
export function kdfOf(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Never weaker than we write, never so costly a stored hash could stall the app.
  if (N < 2 ** 14 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  return { N, r, p, salt: Buffer.from(m[4]!, 'base64'), key: Buffer.from(m[5]!, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const k = kdfOf(stored);
  if (!k || k.key.length < 16) return false;
  const key = await scrypt(password, k.salt, k.key.length, k);
  return crypto.timingSafeEqual(key, k.key);
}

/** The hash of a random password nobody kept, with today's parameters. */
const NOBODY = 'scrypt$32768$8$1$ROhwo0Za0hIx3uGbFMRQDg==$EX6T7seQjrgPVl5sgEXe3FqmfqP5AMbMuKNFsR1W+Ws=';

/** Spent on an unknown login, so its answer takes as long as a wrong password's. */
export async function spendLikeAVerify(password: string): Promise<void> {
  await verifyPassword(password, NOBODY);
}
