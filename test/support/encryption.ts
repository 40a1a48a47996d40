import crypto from 'node:crypto'
import { EncryptionKey } from '../../server/platform/crypto/fieldCipher'

/*
 * The encryption key of a test run: the in-process test app and every server process a
 * test starts share it, as the servers of one deployment share DATA_ENCRYPTION_KEYS.
 * Random per run: a test never depends on a key in the repository.
 */
const key = crypto.createHash('sha256').update(`anxin-test-${process.env.JEST_WORKER_ID ?? ''}-${process.ppid}`).digest()

export const TEST_ENCRYPTION_KEY: EncryptionKey = { id: 'test', key }

/** DATA_ENCRYPTION_KEYS for a server process of this test run. */
export const TEST_ENCRYPTION_KEYS_ENV = `${TEST_ENCRYPTION_KEY.id}:${key.toString('base64')}`
