import fs from 'node:fs'
import path from 'node:path'
import { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext } from './browser'
import { H5_DIST } from './paths'
import { freshScreenshotDir } from './screenshots'
import { RunningServer, startServer } from './serverProcess'

/** One test file's world: the real server, Chromium, and a phone-sized page that refused location. */
export interface AppSession {
  server: RunningServer
  browser: Browser
  context: BrowserContext
  page: Page
  /** The folder this file's screenshots go to (test-results/screenshots/<name>). */
  shots: string
}

/** `env`: extra server settings for this file (e.g. a faster background job). */
export async function startAppSession(name: string, env?: Record<string, string>): Promise<AppSession> {
  if (!fs.existsSync(path.join(H5_DIST, 'index.html'))) {
    throw new Error('dist-h5/index.html is missing: run `npm run build:h5` first (`npm test` does)')
  }
  const shots = freshScreenshotDir(name)
  const [server, browser] = await Promise.all([startServer(env ? { env } : undefined), launchBrowser()])
  const context = await phoneContext(browser, server.baseUrl, 'refused')
  return { server, browser, context, page: await context.newPage(), shots }
}

/** Closes the browser, stops the server and checks docs/api.md's promise: SIGTERM exits 0. */
export async function stopAppSession(session: AppSession | undefined, name: string): Promise<void> {
  if (!session) return
  await session.context.close()
  await session.browser.close()
  const exitCode = await session.server.stop()
  console.log(`e2e screenshots (${name}): ${session.shots}`)
  expect({ exitCode, output: exitCode === 0 ? '' : session.server.output() }).toEqual({ exitCode: 0, output: '' })
}
