import crypto from 'node:crypto'
import { promisify } from 'node:util'
import { DEFAULT_PASSWORD_COST, MAX_PASSWORD_COST } from '../config'

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>

/** scrypt parameters; stored in every hash so they can change without invalidating old ones. */
export interface ScryptParams {
  /** log2 of N (CPU/memory cost). */
  ln: number
  r: number
  p: number
}

const SALT_BYTES = 16
const KEY_BYTES = 64
const R = 8
const P = 3

/** Room for scrypt's 128·N·r bytes (Node's default cap is exactly 32 MiB, too tight for N = 2^15). */
function maxmem({ ln, r }: ScryptParams): number {
  return 256 * 2 ** ln * r
}

/**
 * Format: `scrypt$ln=15,r=8,p=3$<salt base64>$<key base64>`, self-describing (PHC-like), so a
 * later cost increase only affects new hashes and every stored hash still verifies.
 */
export async function hashPassword(password: string, cost = DEFAULT_PASSWORD_COST): Promise<string> {
  const params: ScryptParams = { ln: cost, r: R, p: P }
  const salt = crypto.randomBytes(SALT_BYTES)
  const key = await derive(password, salt, KEY_BYTES, params)
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

interface ParsedHash {
  params: ScryptParams
  salt: Buffer
  key: Buffer
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$')
  if (parts.length !== 4 || parts[0] !== 'scrypt') return null
  const fields = Object.fromEntries(parts[1].split(',').map((kv) => kv.split('=') as [string, string]))
  const params = { ln: Number(fields.ln), r: Number(fields.r), p: Number(fields.p) }
  const sane = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi
  if (!sane(params.ln, 1, MAX_PASSWORD_COST) || !sane(params.r, 1, 64) || !sane(params.p, 1, 64)) return null
  const salt = Buffer.from(parts[2], 'base64')
  const key = Buffer.from(parts[3], 'base64')
  if (salt.length < 8 || key.length < 16) return null
  return { params, salt, key }
}

function derive(password: string, salt: Buffer, keylen: number, params: ScryptParams): Promise<Buffer> {
  return scrypt(password.normalize('NFKC'), salt, keylen, {
    N: 2 ** params.ln,
    r: params.r,
    p: params.p,
    maxmem: maxmem(params),
  })
}

/** Constant-time comparison against a stored hash; the parameters come from the hash itself. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored)
  if (!parsed) return false
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.params)
  return crypto.timingSafeEqual(key, parsed.key)
}

/**
 * A hash of a random password with the current cost: verified against when the email is
 * unknown, so that a wrong email takes as long as a wrong password.
 */
export function dummyHash(cost: number): Promise<string> {
  return hashPassword(crypto.randomBytes(16).toString('hex'), cost)
}
