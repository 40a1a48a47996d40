import { loadConfig } from './config'
import { KeyRing, newEncryptionKey } from './platform/crypto/fieldCipher'
import { keyFilePath, loadOrCreateKeyFile, writeKeyFile } from './platform/crypto/keyFile'
import { openDatabase } from './platform/db/openDatabase'
import { migrate } from './platform/db/migrate'
import { encryptStoredPhones } from './storedPhones'

/*
 * `npm run keys:rotate`: re-encrypts every stored phone number with the current key.
 *
 * - With DATA_ENCRYPTION_KEYS (production): first put the new key in front
 *   ("new:…,old:…") and restart the servers, then run this; afterwards the old key can
 *   be dropped from the list.
 * - Without it (development): a new key is put in front in the data folder's key file,
 *   then everything is re-encrypted. Stop the server first (PGlite is single-process).
 */
async function main(): Promise<void> {
  const config = loadConfig()
  let keys = config.encryptionKeys
  if (!keys) {
    keys = [newEncryptionKey(), ...loadOrCreateKeyFile(config.dataDir, (message) => console.log(message))]
    writeKeyFile(config.dataDir, keys)
    console.log(`新密钥 ${keys[0].id} 已写入 ${keyFilePath(config.dataDir)} / new key ${keys[0].id} is now current`)
  }
  const keyRing = new KeyRing(keys)
  const { db } = await openDatabase(config, (error) => console.error(error.message))
  try {
    await migrate(db)
    const changed = await encryptStoredPhones(db, keyRing, (message) => console.warn(message))
    console.log(`已用密钥 ${keys[0].id} 重新加密 ${changed} 个手机号 / re-encrypted ${changed} phone numbers with key ${keys[0].id}`)
  } finally {
    await db.close()
  }
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
