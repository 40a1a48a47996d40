import fs from 'node:fs'
import path from 'node:path'
import { Page } from 'playwright-core'
import { SCREENSHOT_DIR } from './paths'

/**
 * Empties a screenshot folder so it only holds this run's pictures. With `subfolder`
 * (one per test file) only that folder is emptied; without it, only the pictures at
 * the top level are, so test files running in any order keep each other's.
 */
export function freshScreenshotDir(subfolder?: string): string {
  const dir = subfolder ? path.join(SCREENSHOT_DIR, subfolder) : SCREENSHOT_DIR
  if (subfolder) fs.rmSync(dir, { recursive: true, force: true })
  else if (fs.existsSync(dir)) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) fs.rmSync(path.join(dir, entry.name), { force: true })
  }
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

export async function screenshot(page: Page, name: string, dir: string = SCREENSHOT_DIR): Promise<string> {
  const file = path.join(dir, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}
