import fs from 'node:fs'
import path from 'node:path'
import { Page } from 'playwright-core'
import { SCREENSHOT_DIR } from './paths'

/** Empties the screenshot folder so it only holds this run's pictures. */
export function freshScreenshotDir(): string {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true })
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return SCREENSHOT_DIR
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}
