import fs from 'node:fs'
import path from 'node:path'
import { EncryptionKey, newEncryptionKey } from './fieldCipher'

/*
 * Outside production, without DATA_ENCRYPTION_KEYS, the encryption keys live in the data
 * folder (readable by the server's user only), made on first start: `npm start` works on
 * a fresh machine and data stays encrypted. Production must set the keys from its secret
 * store (loadConfig refuses to start without them). docs/architecture.md, "Encryption".
 */

const FILE = 'encryption-keys.json'

interface KeyFileContent {
  keys: { id: string; key: string }[]
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, FILE)
}

/**
 * The keys a server starts with: DATA_ENCRYPTION_KEYS when set (always in production:
 * loadConfig refuses to start without), else the data folder's development key file.
 */
export function encryptionKeysOf(config: { encryptionKeys?: EncryptionKey[]; dataDir: string }, log: (message: string) => void): EncryptionKey[] {
  return config.encryptionKeys ?? loadOrCreateKeyFile(config.dataDir, log)
}

/** The keys of the data folder's key file, creating it with one new key if missing. */
export function loadOrCreateKeyFile(dataDir: string, log: (message: string) => void): EncryptionKey[] {
  const file = keyFilePath(dataDir)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true })
    writeKeyFile(dataDir, [newEncryptionKey()])
    log(`未设置 DATA_ENCRYPTION_KEYS：已在数据目录生成开发用加密密钥 ${file}（生产环境必须通过环境变量设置） / made a development encryption key in ${file}`)
  } else {
    log(`未设置 DATA_ENCRYPTION_KEYS：使用数据目录中的开发用加密密钥 ${file} / using the development encryption key in ${file}`)
  }
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFileContent
  return content.keys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') }))
}

/** Writes the keys (the first one current), readable by this user only. */
export function writeKeyFile(dataDir: string, keys: readonly EncryptionKey[]): void {
  const content: KeyFileContent = { keys: keys.map((k) => ({ id: k.id, key: k.key.toString('base64') })) }
  const file = keyFilePath(dataDir)
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(content, null, 2), { mode: 0o600 })
  fs.renameSync(`${file}.tmp`, file)
}
