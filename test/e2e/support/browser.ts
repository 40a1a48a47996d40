import { Browser, BrowserContext, chromium } from 'playwright-core'

/** A point in 渝北区 (GCJ-02), near 龙溪街道, where the demo data has institutions. */
export const YUBEI_POINT = { latitude: 29.6, longitude: 106.52 }

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
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
