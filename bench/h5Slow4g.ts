import fs from 'node:fs'
import path from 'node:path'
import { launchBrowser, phoneContext } from '../test/e2e/support/browser'
import { startServer } from '../test/e2e/support/serverProcess'

/*
 * The H5 app on a phone network (issue 11): Chromium with Lighthouse's "Slow 4G"
 * numbers (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) applied through CDP network
 * throttling and a CPU 4× slower, a new browser profile each run (nothing cached),
 * the real server with its demo data. Measured: the time from navigation to the first
 * institution card on screen, and the bytes transferred before it (compressed, as on
 * the wire). Bars: ≤ 2.0 s and ≤ 250 KiB. Needs the H5 build (npm run build:h5).
 */

const RUNS = 3
const BARS = { firstCardMs: 2000, bytesKiB: 250 }
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }

interface Run {
  firstCardMs: number
  bytes: number
  requests: number
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(__dirname, '..', 'dist-h5', 'index.html'))) throw new Error('dist-h5 is missing: run npm run build:h5 first')
  const server = await startServer({ readyTimeoutMs: 180_000 })
  const browser = await launchBrowser()
  const runs: Run[] = []
  try {
    // One unthrottled visit lets the server load its search index before anything is timed.
    const warm = await phoneContext(browser, server.baseUrl, 'refused')
    const warmPage = await warm.newPage()
    await warmPage.goto('/')
    await warmPage.locator('.e2e-institution-card').first().waitFor({ timeout: 60_000 })
    await warm.close()
    for (let i = 0; i < RUNS; i++) {
      const context = await phoneContext(browser, server.baseUrl, 'refused')
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G })
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      let bytes = 0
      let requests = 0
      let counting = true
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        if (!counting) return
        bytes += event.encodedDataLength
        requests += 1
      })
      const started = Date.now()
      await page.goto('/', { waitUntil: 'commit' })
      await page.locator('.e2e-institution-card').first().waitFor({ timeout: 60_000 })
      const firstCardMs = Date.now() - started
      counting = false
      runs.push({ firstCardMs, bytes, requests })
      console.log(`run ${i + 1}: first institution card after ${firstCardMs} ms, ${(bytes / 1024).toFixed(1)} KiB in ${requests} responses before it`)
      await context.close()
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const firstCardMs = median(runs.map((r) => r.firstCardMs))
  const kib = median(runs.map((r) => r.bytes)) / 1024
  const checks = [
    { bar: `H5 first institution card on Slow 4G, CPU 4× ≤ ${BARS.firstCardMs / 1000} s`, value: `${(firstCardMs / 1000).toFixed(2)} s`, pass: firstCardMs <= BARS.firstCardMs },
    { bar: `bytes before the first card ≤ ${BARS.bytesKiB} KiB`, value: `${kib.toFixed(1)} KiB`, pass: kib <= BARS.bytesKiB },
  ]
  for (const check of checks) console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.bar}: ${check.value} (median of ${RUNS})`)
  if (checks.some((c) => !c.pass)) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
