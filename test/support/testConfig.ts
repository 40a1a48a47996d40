import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Config, loadConfig } from '@server/config'
import { TEST_ENCRYPTION_KEYS_ENV } from './encryption'

/*
 * The configuration tests run with: loadConfig over a test environment (every default
 * in one place, server/config.ts), with the safe side for what a test does not say:
 * demo sign-in off, background jobs off (tests call runOnce()/refresh()), quiet logs, and
 * photos in a throwaway folder of this test process, never ./data; and the run's
 * encryption key (encryption.ts), so every app a test builds on one database reads what
 * another wrote, as the servers of one deployment do.
 */

let uploads: string | undefined

function throwawayUploads(): string {
  if (uploads === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-uploads-'))
    uploads = dir
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  }
  return uploads
}

export const TEST_ENV: NodeJS.ProcessEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DEMO_LOGIN: 'off',
  NOTIFY_INTERVAL_MS: '0',
  SEARCH_INDEX_REFRESH_MS: '0',
  ATTACHMENT_PURGE_INTERVAL_MS: '0',
  DATA_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS_ENV,
}

/** loadConfig(TEST_ENV) with the given settings over it. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ ...TEST_ENV, UPLOAD_DIR: throwawayUploads() }), ...overrides }
}
