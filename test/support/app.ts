import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FastifyInstance } from 'fastify'
import { Config } from '../../server/config'
import { AppDependencies, buildApp } from '../../server/app'
import { compileContent } from '../../server/features/content/library/compileContent'
import { FakeWechat, FakeWechatOptions, startFakeWechat } from '../../server/platform/wechat/fake/fakeWechatServer'
import { Backend, openTestDatabase, TestDatabase } from './database'
import { testConfig } from './testConfig'

export interface TestApp extends TestDatabase {
  app: FastifyInstance
  /** A tiny H5 build the app serves at /. */
  h5Dist: string
  /** The fake WeChat server the app's adapters call: read what was "sent", steer its answers. */
  wechat: FakeWechat
}

export interface TestAppOptions {
  /** Settings over the test defaults (demo sign-in on, jobs off, a generous sign-in limit). */
  config?: Partial<Config>
  wechat?: FakeWechatOptions
  /** A 生命1000天 library folder to compile into the database first, as the server does at start. */
  content?: string
  /** Receives the app's log lines (the config's logLevel decides which). */
  logStream?: AppDependencies['logStream']
}

/** A tiny stand-in H5 build: the real one is built by `npm test` and tested end to end. */
export function tinyH5Dist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-h5-'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>安心托育</title><div id="app"></div>')
  fs.mkdirSync(path.join(dir, 'js'))
  fs.writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log("安心托育")')
  return dir
}

/**
 * The production app on a fresh, migrated test database of the given backend, with demo
 * sign-in on and its WeChat adapters pointed at a fake WeChat server of its own.
 */
export async function openTestApp(backend: Backend, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(backend)
  if (options.content) await compileContent(database.db, options.content)
  const h5Dist = tinyH5Dist()
  const wechat = await startFakeWechat(options.wechat)
  const app = await buildApp({
    config: testConfig({
      h5Dist,
      demoLogin: true,
      wechatApiBase: wechat.url,
      // Test files sign many users in from one address.
      signInRateLimitPerMinute: 10_000,
      complaintRateLimitPerMinute: 10_000,
      ...options.config,
    }),
    db: database.db,
    logStream: options.logStream,
  })
  return {
    ...database,
    app,
    h5Dist,
    wechat,
    async close() {
      await app.close()
      await wechat.close()
      await database.close()
      fs.rmSync(h5Dist, { recursive: true, force: true })
    },
  }
}
