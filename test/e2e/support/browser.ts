import fs from 'node:fs'
import { Browser, BrowserContext, chromium } from 'playwright-core'

/** A point in 渝北区 (GCJ-02), near 龙溪街道, where the demo data has institutions. */
export const YUBEI_POINT = { latitude: 29.6, longitude: 106.52 }

/** Where Debian/Ubuntu packages and Google's own package put a system Chromium. */
const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

const OWN_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const SERVERLESS_ONLY = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content', "--headless='shell'"])

export interface BrowserChoice {
  executablePath: string
  /** Where it came from, printed once so a failing run says which browser it used. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium'
  args: string[]
}

/**
 * The browser the e2e tests drive: CHROMIUM_PATH if set, else a system Chromium, else
 * the one that arrives with `npm install` (@sparticuz/chromium ships a compressed
 * Chromium inside the package and unpacks it to the temp folder), so `npm test` passes
 * on a machine with only Node (README "Tests").
 */
export async function chooseBrowser(env: NodeJS.ProcessEnv = process.env, systemBrowsers: readonly string[] = SYSTEM_BROWSERS): Promise<BrowserChoice> {
  if (env.CHROMIUM_PATH) {
    if (!fs.existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`)
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH', args: OWN_ARGS }
  }
  const system = systemBrowsers.find((file) => fs.existsSync(file))
  if (system) return { executablePath: system, source: 'system', args: OWN_ARGS }
  const packaged = (await import('@sparticuz/chromium')).default
  // Its own flags make its headless build run without a GPU or a sandbox helper, less the
  // serverless ones: --single-process closes the whole browser with a context (the e2e
  // tests open and close one per phone), and web security stays on as on a real phone.
  const args = packaged.args.filter((arg) => !SERVERLESS_ONLY.has(arg))
  return { executablePath: await packaged.executablePath(), source: '@sparticuz/chromium', args: [...new Set([...args, ...OWN_ARGS])] }
}

let announced = false

export async function launchBrowser(): Promise<Browser> {
  const choice = await chooseBrowser()
  if (!announced) {
    announced = true
    console.log(`e2e browser: ${choice.executablePath} (${choice.source})`)
  }
  return chromium.launch({ executablePath: choice.executablePath, headless: true, args: choice.args })
}

export type LocationPermission = 'granted' | 'refused'

/** A phone-sized page (iPhone X class) that grants or refuses location. */
export function phoneContext(browser: Browser, baseURL: string, location: LocationPermission): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: YUBEI_POINT,
    permissions: location === 'granted' ? ['geolocation'] : [],
  })
}
