import crypto from 'node:crypto'

/*
 * Encryption at rest of single values (parents' phone numbers: bookings, enrollments,
 * complaints), PIPL art. 51 and docs/platform-notes.md "Children's data".
 * AES-256-GCM with a random 96-bit IV per value; the key id is stored with each value
 * so keys can rotate: the first key of the ring encrypts, every key decrypts, and the
 * rotation command (npm run keys:rotate) re-encrypts what an older key wrote.
 *
 * Stored form: "enc1:<keyId>:<iv>:<ciphertext>:<tag>", base64url parts. Nobody searches
 * by phone, so no deterministic (searchable) encryption is needed; masking for display
 * happens after decryption.
 *
 * A KeyRing is an object, never a module global: buildApp (and the rotation command)
 * make one from the config and hand it to the services and repositories that encrypt
 * or decrypt, so two apps in one process each use their own keys
 * (docs/architecture.md, "Encryption").
 */

export const ENCRYPTED_PREFIX = 'enc1:'

export interface EncryptionKey {
  /** Short, stable name ([A-Za-z0-9_-]), stored with every value it encrypts. */
  id: string
  /** 32 bytes. */
  key: Buffer
}

export class KeyRing {
  readonly current: EncryptionKey
  private readonly byId: Map<string, Buffer>

  /** `keys[0]` encrypts; all of them decrypt. */
  constructor(keys: readonly EncryptionKey[]) {
    if (keys.length === 0) throw new Error('at least one encryption key is needed')
    for (const k of keys) {
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id)) throw new Error(`encryption key id "${k.id}" must be 1–32 letters, digits, _ or -`)
      if (k.key.length !== 32) throw new Error(`encryption key ${k.id} must be 32 bytes (AES-256)`)
    }
    this.current = keys[0]
    this.byId = new Map(keys.map((k) => [k.id, k.key]))
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12)
    const cipher = crypto.createCipheriv('aes-256-gcm', this.current.key, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return [ENCRYPTED_PREFIX + this.current.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':')
  }

  /** The plain value; a value stored before encryption existed (no prefix) is returned as is. */
  decrypt(stored: string): string {
    if (!stored.startsWith(ENCRYPTED_PREFIX)) return stored
    const [keyPart, ivPart, bodyPart, tagPart] = stored.slice(ENCRYPTED_PREFIX.length).split(':')
    const key = this.byId.get(keyPart)
    if (!key || ivPart === undefined || bodyPart === undefined || tagPart === undefined) {
      throw new Error(`cannot decrypt a value of encryption key "${keyPart}": key not configured`)
    }
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(ivPart, 'base64url'))
      decipher.setAuthTag(Buffer.from(tagPart, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(bodyPart, 'base64url')), decipher.final()]).toString('utf8')
    } catch {
      // GCM checks the tag, so a key of the same id but other bytes (another deployment's,
      // a mistyped one) or a damaged value fails here instead of decrypting to a wrong number.
      throw new Error(`cannot decrypt a value of encryption key "${keyPart}": the configured key does not match or the value is damaged`)
    }
  }

  /** Whether a stored value is already encrypted with the current key (else rotation re-encrypts it). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${ENCRYPTED_PREFIX}${this.current.id}:`)
  }
}

/** Parses DATA_ENCRYPTION_KEYS: "id:base64key[,id:base64key…]", the first one current. */
export function parseKeyList(list: string): EncryptionKey[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':')
      if (at <= 0) throw new Error('每个密钥应写成 id:base64 / each key must be id:base64')
      return { id: entry.slice(0, at), key: Buffer.from(entry.slice(at + 1), 'base64') }
    })
}

/** A fresh key with a dated id, for development folders and for rotation. */
export function newEncryptionKey(now: Date = new Date()): EncryptionKey {
  return { id: `k${now.toISOString().slice(0, 10).replaceAll('-', '')}${crypto.randomBytes(2).toString('hex')}`, key: crypto.randomBytes(32) }
}
