import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { Backend, openTestDatabase, TestDatabase } from './database'

export interface TestApp extends TestDatabase {
  app: FastifyInstance
  /** A tiny H5 build the app serves at /. */
  h5Dist: string
}

/** A tiny stand-in H5 build: the real one is built by `npm test` and tested end to end. */
export function tinyH5Dist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-h5-'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>安心托育</title><div id="app"></div>')
  fs.mkdirSync(path.join(dir, 'js'))
  fs.writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log("安心托育")')
  return dir
}

/** The production app on a fresh, migrated test database of the given backend. */
export async function openTestApp(backend: Backend): Promise<TestApp> {
  const database = await openTestDatabase(backend)
  const h5Dist = tinyH5Dist()
  const app = await buildApp({ config: { h5Dist, logLevel: 'silent' }, db: database.db })
  return {
    ...database,
    app,
    h5Dist,
    async close() {
      await app.close()
      await database.close()
      fs.rmSync(h5Dist, { recursive: true, force: true })
    },
  }
}
