import fs from 'node:fs'
import path from 'node:path'
import { Browser, BrowserContext, Page } from 'playwright-core'
import { CARE_MODE_LABELS } from '@domain/careMode'
import { distanceKm } from '@domain/geo'
import { formatFen } from '@domain/money'
import { districtList, institutionDetail, searchPage } from './support/api'
import { cardNames, expectListToShow, inputIn, nextSearch } from './support/appPage'
import { LocationPermission, launchBrowser, phoneContext } from './support/browser'
import { H5_DIST } from './support/paths'
import { freshScreenshotDir, screenshot } from './support/screenshots'
import { RunningServer, startServer } from './support/serverProcess'

/*
 * The find capability end to end: the real server (embedded database, demo data
 * seeded on first start) serving the real H5 build, driven in headless Chromium on a
 * phone-sized screen. What the browser shows is checked against the API's answers.
 */

jest.setTimeout(60_000)

const DEMO_DISTRICTS = ['渝北区', '大足区', '北碚区', '广元市', '雁江区']

let server: RunningServer
let browser: Browser
let screenshotDir: string
const contexts: BrowserContext[] = []

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIST, 'index.html'))) {
    throw new Error('dist-h5/index.html is missing: run `npm run build:h5` first (`npm test` does)')
  }
  screenshotDir = freshScreenshotDir()
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
}, 120_000)

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
})

afterAll(async () => {
  await browser?.close()
  if (server) {
    const exitCode = await server.stop()
    console.log(`e2e screenshots: ${screenshotDir}`)
    // docs/api.md: SIGTERM closes the database and exits 0.
    expect({ exitCode, output: exitCode === 0 ? '' : server.output() }).toEqual({ exitCode: 0, output: '' })
  }
}, 30_000)

/**
 * A fresh phone with its own app state, opened on the find tab; resolves with the first
 * search for where the parent is: near them when location is granted (the app shows the
 * everywhere list while locating, src/hooks/useFindSearch.ts), else the first one.
 */
async function openFind(location: LocationPermission) {
  const context = await phoneContext(browser, server.baseUrl, location)
  contexts.push(context)
  const page = await context.newPage()
  const [first] = await Promise.all([nextSearch(page, location === 'granted' ? (query) => query.has('lat') : undefined), page.goto('/')])
  const expected = await searchPage(server.baseUrl, first.pathAndQuery)
  await expectListToShow(page, expected.items.map((i) => i.name))
  return { page, first, expected }
}

/** Taps a filter and returns the search it causes, with the API's answer to that same search. */
async function tapAndSearch(page: Page, selector: string, wanted: (query: URLSearchParams) => boolean) {
  const [search] = await Promise.all([nextSearch(page, wanted), page.locator(selector).first().click()])
  const expected = await searchPage(server.baseUrl, search.pathAndQuery)
  await expectListToShow(page, expected.items.map((i) => i.name))
  return { search, expected }
}

function fenFromCardText(text: string): number {
  // "全日托 ¥3,200/月" → 320000
  const match = /¥([\d,]+(?:\.\d+)?)/.exec(text)
  if (!match) throw new Error(`no amount in "${text}"`)
  return Math.round(Number(match[1].replace(/,/g, '')) * 100)
}

describe('finding filed childcare in the H5 app', () => {
  it('lists demo institutions near the parent, nearest first, under the 演示数据 banner', async () => {
    const { page, first, expected } = await openFind('granted')

    // The browser's WGS-84 point reaches the server as a nearby GCJ-02 origin in 渝北区.
    const origin = { lat: Number(first.url.searchParams.get('lat')), lng: Number(first.url.searchParams.get('lng')) }
    expect(distanceKm(origin, { lat: 29.6, lng: 106.52 })).toBeLessThan(1)
    const radiusKm = Number(first.url.searchParams.get('radiusKm') ?? 5)

    expect(expected.items.length).toBeGreaterThan(0)
    const distances = expected.items.map((i) => i.distanceKm ?? Number.NaN)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    for (const item of expected.items) {
      expect(item.distanceKm).toBeLessThanOrEqual(radiusKm)
      expect(item.district).toBe('渝北区')
      expect(item.isDemo).toBe(true)
      expect(item.name).toContain('演示数据')
    }
    await expect(page.locator('.e2e-demo-banner').innerText()).resolves.toContain('演示数据')
    expect(await page.locator('.e2e-result-list .e2e-institution-card').count()).toBe(expected.items.length)
    await screenshot(page, 'find-list')
  })

  it('searching "lxjd" shows only institutions on 龙溪街道', async () => {
    const { page } = await openFind('granted')
    const [search] = await Promise.all([
      nextSearch(page, (q) => q.get('q') === 'lxjd'),
      inputIn(page, '.e2e-search-input').fill('lxjd'),
    ])
    const expected = await searchPage(server.baseUrl, search.pathAndQuery)
    expect(expected.items.length).toBeGreaterThan(0)
    for (const item of expected.items) expect(`${item.street} ${item.address}`).toContain('龙溪街道')
    await expectListToShow(page, expected.items.map((i) => i.name))
    const places = await page.locator('.e2e-result-list .e2e-institution-card .card__address').allInnerTexts()
    for (const place of places) expect(place).toContain('龙溪街道')
    await screenshot(page, 'find-search-lxjd')
  })

  it('when nothing matches, the empty state says which filters to relax', async () => {
    const { page } = await openFind('granted')
    const [search] = await Promise.all([
      nextSearch(page, (q) => q.get('q') === 'zzzzzz'),
      inputIn(page, '.e2e-search-input').fill('zzzzzz'),
    ])
    await expect(searchPage(server.baseUrl, search.pathAndQuery)).resolves.toEqual({ items: [], nextCursor: null })
    const empty = page.locator('.e2e-empty')
    await empty.waitFor({ timeout: 10_000 })
    const text = await empty.innerText()
    expect(text).toContain('试试放宽')
    expect(text).toContain('搜索词')
    expect(await page.locator('.e2e-result-list .e2e-institution-card').count()).toBe(0)
  })

  it('只看普惠 keeps only 普惠 institutions, each card tagged 普惠', async () => {
    const { page, expected: unfiltered } = await openFind('granted')
    expect(unfiltered.items.some((i) => !i.affordable)).toBe(true) // or the filter proves nothing

    const { expected } = await tapAndSearch(page, '.e2e-filter-affordable', (q) => q.get('affordable') === 'true')
    expect(expected.items.length).toBeGreaterThan(0)
    expect(expected.items.every((i) => i.affordable)).toBe(true)
    const cards = page.locator('.e2e-result-list .e2e-institution-card')
    const count = await cards.count()
    expect(count).toBe(expected.items.length)
    expect(await page.locator('.e2e-result-list .e2e-institution-card .e2e-tag-affordable').count()).toBe(count)
    await screenshot(page, 'find-affordable')
  })

  it('filters by a care mode and the most the parent can pay in its unit', async () => {
    const { page } = await openFind('granted')
    await tapAndSearch(page, '.e2e-filter-mode-full_day', (q) => q.getAll('careMode').join() === 'full_day')
    // The fee field sits behind 更多筛选, folded away so results show first on a small phone.
    await expect(page.locator('.e2e-filter-maxfee').count()).resolves.toBe(0)
    await page.locator('.e2e-filter-more').click()
    await expect(page.locator('.field:has(.e2e-filter-maxfee) .field__unit').innerText()).resolves.toContain('元/月')

    const maxFeeYuan = 3000
    const [search] = await Promise.all([
      nextSearch(page, (q) => q.get('maxFee') === String(maxFeeYuan * 100) && q.getAll('careMode').join() === 'full_day'),
      inputIn(page, '.e2e-filter-maxfee')
        .fill(String(maxFeeYuan))
        .then(() => inputIn(page, '.e2e-filter-maxfee').press('Enter')),
    ])
    const expected = await searchPage(server.baseUrl, search.pathAndQuery)
    expect(expected.items.length).toBeGreaterThan(0)
    for (const item of expected.items) {
      const fullDay = item.careModes.find((m) => m.mode === 'full_day')
      expect(fullDay).toBeDefined()
      expect(fullDay!.unit).toBe('per_month')
      expect(fullDay!.fee).toBeLessThanOrEqual(maxFeeYuan * 100)
    }
    await expectListToShow(page, expected.items.map((i) => i.name))
    // What the parent reads on each card agrees: a 全日托 fee in 元/月 within the limit.
    const cards = page.locator('.e2e-result-list .e2e-institution-card')
    for (let i = 0; i < (await cards.count()); i++) {
      const fees = await cards.nth(i).locator('.e2e-card-fee').allInnerTexts()
      const fullDay = fees.find((f) => f.startsWith(CARE_MODE_LABELS.full_day))
      expect(fullDay).toMatch(/\/月$/)
      expect(fenFromCardText(fullDay!)).toBeLessThanOrEqual(maxFeeYuan * 100)
    }
    await screenshot(page, 'find-full-day-max-fee')
    // Folded again, the bar still says a hidden filter narrows the list.
    await page.locator('.e2e-filter-more').click()
    await expect(page.locator('.e2e-filter-more').innerText()).resolves.toContain('已选 1 项')
  })

  it('opening an institution shows its filing number, fees with units, classes and inspections', async () => {
    const { page, expected } = await openFind('granted')
    const chosen = expected.items[0]
    await page.locator('.e2e-result-list .e2e-institution-card').first().click()
    await page.locator('.e2e-detail-filing').waitFor({ timeout: 15_000 })
    expect(decodeURIComponent(page.url())).toContain(`id=${chosen.id}`)

    const detail = await institutionDetail(server.baseUrl, chosen.id)
    await expect(page.locator('.e2e-detail-name').innerText()).resolves.toBe(detail.name)
    const filing = await page.locator('.e2e-detail-filing').innerText()
    expect(filing).toContain(detail.filing.number)
    expect(filing).toContain(detail.filing.authority)

    const fees = await page.locator('.e2e-detail-fees .fee-table__row').allInnerTexts()
    expect(fees).toHaveLength(detail.careModes.length)
    for (const mode of detail.careModes) {
      const row = fees.find((f) => f.includes(CARE_MODE_LABELS[mode.mode]))
      expect(row).toBeDefined()
      expect(row).toMatch(/\/(月|小时|天)/)
      expect(fenFromCardText(row!)).toBe(mode.fee)
    }
    // Compared with the district median for the same care mode.
    expect(await page.locator('.e2e-fee-comparison').count()).toBe(detail.feeComparison.length)

    const classes = await page.locator('.e2e-detail-classes').innerText()
    for (const label of detail.classes.map((c) => ({ infant: '乳儿班', toddler: '托小班', preschool: '托大班' })[c.type])) {
      expect(classes).toContain(label)
    }
    expect(await page.locator('.e2e-inspection').count()).toBe(detail.inspections.length)
    expect(await page.locator('.e2e-rectification').count()).toBe(detail.rectifications.length)
    await expect(page.locator('.e2e-call').innerText()).resolves.toContain(detail.contactPhone)
    await screenshot(page, 'detail')
    await page.locator('.e2e-detail-oversight').scrollIntoViewIfNeeded()
    await screenshot(page, 'detail-oversight')
  })

  it('the map tab shows a marker per institution and tapping one shows its card', async () => {
    const { page } = await openFind('granted')
    const [search] = await Promise.all([nextSearch(page), page.locator('.e2e-tab-map').first().click()])
    const expected = await searchPage(server.baseUrl, search.pathAndQuery)
    expect(expected.items.length).toBeGreaterThan(0)
    const markers = page.locator('.e2e-marker')
    await markers.first().waitFor({ timeout: 15_000 })
    expect(await markers.count()).toBe(expected.items.length)

    // Markers can overlap; tap the first one nothing covers.
    let tapped = -1
    for (let i = 0; i < (await markers.count()) && tapped < 0; i++) {
      try {
        await markers.nth(i).click({ timeout: 1_000 })
        tapped = i
      } catch {
        // covered by a neighbour
      }
    }
    expect(tapped).toBeGreaterThanOrEqual(0)
    const card = page.locator('.e2e-marker-card')
    await card.waitFor({ timeout: 5_000 })
    await expect(card.locator('.e2e-institution-name').innerText()).resolves.toBe(expected.items[tapped].name)
    await screenshot(page, 'map')
  })

  it('with location refused, offers a district picker and choosing 北碚区 lists 北碚区 institutions', async () => {
    // No position and no district yet: the app asks for the district before it lists anything (issue 12).
    const context = await phoneContext(browser, server.baseUrl, 'refused')
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/')
    await page.locator('.e2e-ask-district').waitFor()
    await expect(page.locator('.e2e-location-status').innerText()).resolves.toContain('请选择一个区县')
    const options = page.locator('.e2e-district-picker .e2e-district-option')
    await options.first().waitFor({ timeout: 10_000 })
    expect(await options.allInnerTexts()).toEqual(expect.arrayContaining(DEMO_DISTRICTS))

    const { search, expected } = await tapAndSearch(page, '.e2e-district-option:has-text("北碚区")', (q) => q.get('district') === '北碚区')
    expect(search.url.searchParams.has('lat')).toBe(false)
    expect(expected.items.length).toBeGreaterThan(0)
    expect(expected.items.every((i) => i.district === '北碚区')).toBe(true)
    for (const place of await page.locator('.e2e-result-list .e2e-institution-card .card__address').allInnerTexts()) {
      expect(place).toContain('北碚区')
    }
    await screenshot(page, 'find-refused-beibei')
  })

  it('the districts overview shows the five districts with their median fees', async () => {
    const context = await phoneContext(browser, server.baseUrl, 'refused')
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/#/packages/institution/pages/districts/index')
    const cards = page.locator('.e2e-district')
    await cards.first().waitFor({ timeout: 15_000 })
    const districts = await districtList(server.baseUrl)
    expect(districts.map((d) => d.name).sort()).toEqual([...DEMO_DISTRICTS].sort())
    expect(await cards.count()).toBe(districts.length)
    for (const district of districts) {
      const text = await cards.filter({ hasText: district.name }).innerText()
      expect(text).toContain(`${district.institutionCount} 家`)
      expect(text).toContain(`${Math.round(district.affordableShare * 100)}%`)
      const fullDay = district.medianFees.find((m) => m.mode === 'full_day')
      expect(fullDay).toBeDefined()
      expect(text).toContain(`${CARE_MODE_LABELS.full_day}收费中位数`)
      expect(text).toContain(formatFen(fullDay!.fee))
    }
    await screenshot(page, 'districts')
  })

  it('the large-text switch makes the text larger', async () => {
    const { page } = await openFind('granted')
    const nameSize = () => page.locator('.e2e-result-list .e2e-institution-name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    const before = await nameSize()

    await page.goto('/#/pages/me/index')
    const switchControl = page.locator('.e2e-large-text-switch')
    await switchControl.waitFor()
    await switchControl.click()
    await page.goto('/#/pages/find/index')
    await page.locator('.e2e-result-list .e2e-institution-name').first().waitFor()
    const after = await nameSize()
    expect(after).toBeGreaterThan(before * 1.1)
    await screenshot(page, 'find-large-text')
    expect(await cardNames(page)).not.toHaveLength(0)
  })
})
