import { BrowserContext, Page } from 'playwright-core'
import { inShanghai } from '@domain/shanghaiTime'
import { InstitutionFacts } from '@domain/institutionFacts'
import { addChild, requestJson, TestSession } from '@test/support/session'
import { getJson, institutionDetail, searchPage } from './support/api'
import { inputIn, realInput } from './support/appPage'
import { deskSignInAs, openDesktop, signInParentOnPhone, staffedDemoInstitution } from './support/workbenchDesk'
import { screenshot } from './support/screenshots'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { RunningServer } from './support/serverProcess'
import { jpegWithGps } from '@test/support/photoFixtures'

/*
 * 机构工作台 · the institution's own page (issue 9), in the H5 build: staff on a wide
 * desktop page publish 计时托 sessions, keep vacancies per care mode × age band, fees and
 * hours and 环境照片; the parent on a phone-sized page books the session and reads the
 * institution page with how fresh each fact is.
 */

jest.setTimeout(180_000)

let appSession: AppSession | undefined
let server: RunningServer
let page: Page
let desktopContext: BrowserContext
let desk: Page
let shots: string
let parent: TestSession
let target: { id: string; name: string }

async function shot(on: Page, name: string): Promise<void> {
  await on.waitForTimeout(300)
  await screenshot(on, name, shots)
}

beforeAll(async () => {
  appSession = await startAppSession('workbenchFacts')
  ;({ server, page, shots } = appSession)
  ;({ context: desktopContext, page: desk } = await openDesktop(appSession.browser, server.baseUrl))
  parent = await signInParentOnPhone(page, '豆豆妈妈')
  target = await staffedDemoInstitution(server.baseUrl, (i) => i.ageRange.minMonths <= 12 && i.ageRange.maxMonths >= 24)
  // Staff sign in on the desktop with the demo's 演示账号.
  await deskSignInAs(desk, `staff-${target.id}`)
}, 180_000)

afterAll(async () => {
  await desktopContext?.close()
  await stopAppSession(appSession, 'workbenchFacts')
}, 30_000)

describe('the institution keeps its own page true', () => {
  it('staff publish a weekly 计时托 session and a parent books it', async () => {
    await desk.goto('/#/packages/workbench/pages/slots/index')
    await desk.reload()
    await desk.locator('.e2e-slot-kind-hourly').click()
    await inputIn(desk, '.e2e-slot-minutes').fill('180')
    await inputIn(desk, '.e2e-slot-capacity').fill('2')
    await inputIn(desk, '.e2e-slot-weeks').fill('3')
    await desk.locator('.e2e-slot-publish').click()
    await desk.locator('.e2e-slot-message', { hasText: '已发布 3 个时段' }).waitFor()
    await shot(desk, '01-desktop-hourly-sessions-published')

    const sessions = await getJson<{ items: { id: string; kind: string; startsAt: string }[] }>(server.baseUrl, `/api/v1/institutions/${encodeURIComponent(target.id)}/slots?kind=hourly`)
    expect(sessions.items.length).toBeGreaterThanOrEqual(3)
    const first = sessions.items[0]
    await addChild(server.baseUrl, parent, { nickname: '豆豆', birthDate: inShanghai().subtract(20, 'month').format('YYYY-MM-DD') })

    await page.goto(`/#/packages/booking/pages/calendar/index?institutionId=${encodeURIComponent(target.id)}&name=${encodeURIComponent(target.name)}`)
    await page.locator('.e2e-kind-hourly').click()
    await page.locator(`.e2e-calendar-day[data-date="${inShanghai(first.startsAt).format('YYYY-MM-DD')}"]`).click()
    const row = page.locator(`.e2e-day-slots .e2e-slot[data-slot-id="${first.id}"]`)
    await expect(row.locator('.e2e-slot-kind').innerText()).resolves.toBe('计时托')
    await expect(row.locator('.e2e-slot-remaining').innerText()).resolves.toContain('余 2 个名额')
    await shot(page, '02-phone-hourly-session-calendar')
    await row.locator('.e2e-slot-book').click()
    await page.locator('.e2e-booking-form').waitFor()
    await page.locator('.e2e-pick-child', { hasText: '豆豆' }).click()
    await inputIn(page, '.e2e-contact-name').fill('豆豆妈妈')
    await inputIn(page, '.e2e-contact-phone').fill('13800138000')
    await page.locator('.e2e-confirm-booking').click()
    await page.locator('.e2e-booking-detail').waitFor()
    await expect(page.locator('.e2e-booking-detail').innerText()).resolves.toContain('计时托')
    await shot(page, '03-phone-hourly-session-booked')
    const after = await getJson<{ items: { id: string; remaining: number }[] }>(server.baseUrl, `/api/v1/institutions/${encodeURIComponent(target.id)}/slots?kind=hourly`)
    expect(after.items.find((slot) => slot.id === first.id)?.remaining).toBe(1)
  })

  it('staff set vacancies per care mode and age band, and the parent’s page shows them with their freshness', async () => {
    await desk.goto('/#/packages/workbench/pages/facts/index')
    await desk.reload()
    await desk.locator('.e2e-vacancy-freshness').waitFor()
    const cells = desk.locator('.e2e-facts-vacancy')
    const count = await cells.count()
    expect(count).toBeGreaterThan(0)
    for (let i = 0; i < count; i += 1) await realInput(cells.nth(i)).fill('0')
    await inputIn(desk, '.e2e-facts-vacancy-full_day-toddler').fill('2')
    await desk.locator('.e2e-facts-save').click()
    await desk.locator('.e2e-vacancy-freshness', { hasText: '空位信息今天更新' }).waitFor()
    await shot(desk, '04-desktop-vacancies-per-mode-and-band')

    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    await expect(page.locator('.e2e-detail-vacancy-freshness .fact__value').innerText()).resolves.toBe('空位信息今天更新')
    const shown = await page.locator('.e2e-detail-vacancy-cells .e2e-vacancy-cell').allInnerTexts()
    expect(shown).toContain('全日托 · 托小班 空 2 个')
    await page.locator('.e2e-detail-vacancy-cells').scrollIntoViewIfNeeded()
    await shot(page, '05-phone-detail-vacancies')

    // Search by the cells: a 24-month child wanting 全日托 is not shown this place; an 18-month child is.
    const search = (age: number) => searchPage(server.baseUrl, `/api/v1/institutions?district=${encodeURIComponent('渝北区')}&careMode=full_day&ageMonths=${age}&hasVacancy=true&limit=50&q=${encodeURIComponent(target.name)}`)
    // The search index picks the change up on its next refresh (SEARCH_INDEX_REFRESH_MS): wait for it.
    const found = async (age: number) => (await search(age)).items.some((i) => i.id === target.id)
    for (let i = 0; i < 30 && (await found(24)); i += 1) await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await found(24)).toBe(false)
    expect(await found(18)).toBe(true)
  })

  it('staff edit a fee and the hours, and the parent’s page shows them with when they were updated', async () => {
    await desk.goto('/#/packages/workbench/pages/facts/index')
    await desk.reload()
    await desk.locator('.e2e-fees-hours').waitFor()
    await inputIn(desk, '.e2e-fee-full_day').fill('2680')
    await desk.locator('.e2e-fees-save').click()
    await desk.locator('.e2e-fees-hours-message', { hasText: '收费已保存' }).waitFor()
    await inputIn(desk, '.e2e-hours-days').fill('周一至周六')
    await inputIn(desk, '.e2e-hours-opens').fill('07:30')
    await inputIn(desk, '.e2e-hours-closes').fill('18:30')
    await desk.locator('.e2e-hours-save').click()
    await desk.locator('.e2e-fees-hours-message', { hasText: '服务时间已保存' }).waitFor()
    await desk.locator('.e2e-fees-hours').scrollIntoViewIfNeeded()
    await shot(desk, '06-desktop-fees-and-hours')

    const staffFacts = await requestJson(server.baseUrl, 'GET', '/api/v1/staff/institution/facts', undefined, {})
    expect(staffFacts.status).toBe(401)
    const detail = await institutionDetail(server.baseUrl, target.id)
    expect(detail.careModes.find((m) => m.mode === 'full_day')).toMatchObject({ fee: 268_000, unit: 'per_month' })
    expect((detail as unknown as { facts: InstitutionFacts }).facts.feesFreshness.text).toBe('收费信息今天更新')

    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    await expect(page.locator('.e2e-detail-fees-freshness').innerText()).resolves.toBe('收费信息今天更新')
    await expect(page.locator('.e2e-detail-hours .fact__value').innerText()).resolves.toBe('周一至周六 07:30–18:30（服务时间今天更新）')
    await page.locator('.e2e-detail-hours').scrollIntoViewIfNeeded()
    await shot(page, '07-phone-detail-fees-and-hours')
  })

  it('staff upload a photo of the premises and the parent’s page shows it with when it was updated', async () => {
    await desk.goto('/#/packages/workbench/pages/facts/index')
    await desk.reload()
    await desk.locator('.e2e-premises-photos').waitFor()
    const before = await desk.locator('.e2e-premises-photo').count()
    const [upload] = await Promise.all([
      desk.waitForResponse((r) => r.url().endsWith('/api/v1/staff/institution/photos') && r.request().method() === 'POST'),
      desk.locator('input.e2e-premises-photo-input').setInputFiles({ name: 'playroom.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() }),
    ])
    expect(upload.status()).toBe(201)
    await desk.locator('.e2e-premises-message', { hasText: '照片已上传' }).waitFor()
    await expect(desk.locator('.e2e-premises-photo').count()).resolves.toBe(before + 1)
    await expect(desk.locator('.e2e-premises-freshness').innerText()).resolves.toBe('环境照片今天更新')
    await desk.locator('.e2e-premises-photos').scrollIntoViewIfNeeded()
    await shot(desk, '08-desktop-premises-photo-uploaded')

    // The parent, not signed in as staff, sees the photo itself (it loads) and its age.
    const detail = await institutionDetail(server.baseUrl, target.id)
    expect(detail.photos).toHaveLength(before + 1)
    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    await page.locator('.e2e-detail-premises').scrollIntoViewIfNeeded()
    await expect(page.locator('.e2e-detail-photos-freshness').innerText()).resolves.toBe('环境照片今天更新')
    // lazyLoad: the <img> gets its src once it scrolls into view, then must really load.
    const photo = page.locator('.e2e-detail-photo img').last()
    await photo.scrollIntoViewIfNeeded()
    await page.waitForFunction((el) => el instanceof HTMLImageElement && el.src !== '' && el.complete && el.naturalWidth > 0, await photo.elementHandle(), { timeout: 10_000 })
    await expect(photo.getAttribute('src')).resolves.toContain(detail.photos[detail.photos.length - 1])
    await shot(page, '09-phone-detail-premises-photos')
    // A tap opens the full-screen viewer, whose code the page fetches only then
    // (src/lib/photos/previewPhotos.ts), showing this photo; a tap closes it.
    await photo.click()
    const viewer = page.locator('.preview-image')
    await viewer.waitFor({ timeout: 15_000 })
    await page.waitForFunction(
      (src) => Array.from(document.querySelectorAll('.preview-image img')).some((img) => img instanceof HTMLImageElement && img.getAttribute('src') === src && img.complete && img.naturalWidth > 0),
      await photo.getAttribute('src'),
      { timeout: 10_000 },
    )
    await shot(page, '10-phone-photo-viewer')
    await viewer.click()
    await viewer.waitFor({ state: 'detached' })

    // Removing it takes it off the parent's page.
    await desk.locator('.e2e-premises-photo-remove').last().click()
    await desk.locator('.e2e-premises-message', { hasText: '照片已删除' }).waitFor()
    expect((await institutionDetail(server.baseUrl, target.id)).photos).toHaveLength(before)
  })
})
