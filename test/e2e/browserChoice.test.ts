import { chromium } from 'playwright-core'
import { chooseBrowser } from './support/browser'

/*
 * A fresh machine has no system Chromium: the tests must still find a browser. This
 * launches the packaged one for real, as the e2e tests would on such a machine.
 */
describe('the browser the e2e tests use', () => {
  it('prefers CHROMIUM_PATH when it is set', async () => {
    await expect(chooseBrowser({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow('CHROMIUM_PATH=/nonexistent/chromium does not exist')
  })

  it('falls back to the Chromium inside @sparticuz/chromium, which launches and renders Chinese', async () => {
    const choice = await chooseBrowser({}, ['/nonexistent/chromium'])
    expect(choice.source).toBe('@sparticuz/chromium')
    const browser = await chromium.launch({ executablePath: choice.executablePath, headless: true, args: choice.args })
    try {
      // Phones come and go as contexts, as in the e2e tests: the browser must outlive them.
      for (const name of ['安心托育', '托育']) {
        const context = await browser.newContext({ isMobile: true, viewport: { width: 375, height: 812 } })
        const page = await context.newPage()
        await page.setContent(`<h1>${name}</h1>`)
        expect(await page.textContent('h1')).toBe(name)
        await context.close()
      }
    } finally {
      await browser.close()
    }
  }, 120_000)
})
