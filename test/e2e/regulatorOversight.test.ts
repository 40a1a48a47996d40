import { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { inShanghai } from '@domain/shanghaiTime'
import { requestJson, TestSession } from '@test/support/session'
import { inputIn } from './support/appPage'
import { deskSignInAs, openDesktop, staffedDemoInstitution } from './support/workbenchDesk'
import { screenshot } from './support/screenshots'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { RunningServer } from './support/serverProcess'

/*
 * 监管工作台 end to end (issue 9), in the H5 build: a regulator on a wide desktop page
 * records an inspection and issues a 整改通知 from it; the institution's staff see it in
 * their workbench and report it done with a photo; the regulator sees the photo and
 * verifies; the parent's public page (phone-sized) shows 已整改. The regulator grades the
 * institution (shown publicly) and opens a complaint's 办理记录.
 */

jest.setTimeout(180_000)

let server: RunningServer
let browser: Browser
let page: Page
let desktopContext: BrowserContext
let desk: Page
let shots: string
let appSession: AppSession | undefined

const FINDING = `午睡室消防通道堆放杂物（${Date.now() % 100000}）`

async function shot(on: Page, name: string): Promise<void> {
  await on.waitForTimeout(300)
  await screenshot(on, name, shots)
}

async function api<T>(method: string, url: string, who: TestSession | null, body?: unknown): Promise<T> {
  const answer = await requestJson(server.baseUrl, method, url, body, who?.headers ?? {})
  if (answer.status >= 300) throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body as T
}

async function demoSession(body: Record<string, unknown>): Promise<TestSession> {
  const answer = await api<{ token: string; user: { id: string } }>('POST', '/api/v1/auth/demo', null, body)
  return { token: answer.token, userId: answer.user.id, headers: { authorization: `Bearer ${answer.token}` } }
}

beforeAll(async () => {
  appSession = await startAppSession('regulatorOversight')
  ;({ server, browser, page, shots } = appSession)
  ;({ context: desktopContext, page: desk } = await openDesktop(browser, server.baseUrl))
}, 180_000)

afterAll(async () => {
  await desktopContext?.close()
  await stopAppSession(appSession, 'regulatorOversight')
}, 30_000)

describe('监管工作台 in the H5 app', () => {
  let target: { id: string; name: string; districtCode: string }
  const noticeCard = () => desk.locator('.e2e-notice', { hasText: FINDING })

  it('inspection → notice → the institution reports it done with a photo → the regulator verifies → the public page shows 已整改', async () => {
    target = await staffedDemoInstitution(server.baseUrl)
    // The regulator finds the institution by name in the district picker.
    await deskSignInAs(desk, `regulator-${target.districtCode}`)
    await desk.locator('.e2e-section-oversight').click()
    await inputIn(desk, '.e2e-oversight-search').fill(target.name)
    await desk.locator('.e2e-oversight-search-go').click()
    await desk.locator(`.e2e-oversight-institution[data-institution-id="${target.id}"]`).waitFor()
    await shot(desk, '01-oversight-picker')
    await desk.locator(`.e2e-oversight-institution[data-institution-id="${target.id}"]`).click()
    await desk.locator('.e2e-oversight-record').waitFor()

    // An inspection that requires rectification hands its findings to the notice form.
    await desk.locator('.e2e-inspection-result-rectification_required').click()
    await desk.locator('.e2e-inspection-summary textarea').fill(FINDING)
    await desk.locator('.e2e-inspection-save').click()
    await desk.locator('.e2e-oversight-inspection', { hasText: FINDING }).waitFor()
    await expect(desk.locator('.e2e-notice-issue textarea').inputValue()).resolves.toBe(FINDING)
    await desk.locator('.e2e-notice-requirement textarea').fill('依据《托育机构设置标准（试行）》，保持疏散通道畅通')
    await desk.locator('.e2e-notice-send').click()
    await noticeCard().and(desk.locator('[data-state="issued"]')).waitFor()
    await shot(desk, '02-institution-record-notice-issued')

    // The institution's staff see it, with a badge on their workbench home, and report it done with a photo.
    await deskSignInAs(desk, `staff-${target.id}`)
    await desk.locator('.e2e-rectifications-badge').waitFor()
    await shot(desk, '03-staff-home-badge')
    await desk.locator('.e2e-section-rectifications').click()
    await noticeCard().waitFor()
    await noticeCard().locator('.e2e-report-text textarea').fill('已清理午睡室通道杂物，张贴禁止堆放标识，并安排每日巡查。')
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 90, g: 160, b: 110 } } }).jpeg().toBuffer()
    const [upload] = await Promise.all([
      desk.waitForResponse((r) => r.url().endsWith('/api/v1/uploads') && r.request().method() === 'POST'),
      noticeCard().locator('input.e2e-photo-input').setInputFiles({ name: 'corridor.jpg', mimeType: 'image/jpeg', buffer: photo }),
    ])
    expect(upload.status()).toBe(201)
    await noticeCard().locator('.e2e-photo').waitFor()
    await shot(desk, '04-staff-report-form')
    await noticeCard().locator('.e2e-report-send').click()
    await noticeCard().and(desk.locator('[data-state="reported"]')).waitFor()

    // The regulator sees the report with its photo (a signed link that loads) and accepts it.
    await deskSignInAs(desk, `regulator-${target.districtCode}`)
    await desk.goto(`/#/packages/workbench/pages/institution/index?id=${encodeURIComponent(target.id)}`)
    await noticeCard().locator('.e2e-notice-report').waitFor()
    const image = noticeCard().locator('.e2e-notice-photo img')
    await desk.waitForFunction((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0, await image.elementHandle(), { timeout: 10_000 })
    await shot(desk, '05-regulator-reviews-report')
    await noticeCard().locator('.e2e-verify-accept').click()
    await noticeCard().and(desk.locator('[data-state="completed"]')).waitFor()

    // The parent's public page shows it done.
    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    const publicNotice = page.locator('.e2e-rectification', { hasText: FINDING })
    await publicNotice.waitFor()
    await expect(publicNotice.innerText()).resolves.toContain('已整改')
    await publicNotice.scrollIntoViewIfNeeded()
    await shot(page, '06-public-page-rectified')
  })

  it('a regulator sets the grade and the public page shows it', async () => {
    await desk.goto(`/#/packages/workbench/pages/institution/index?id=${encodeURIComponent(target.id)}`)
    await desk.locator('.e2e-grade-level_2').click()
    await desk.locator('.e2e-grade-current', { hasText: '二级' }).waitFor()
    await shot(desk, '07-grade-set')
    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    await page.reload()
    await expect(page.locator('.e2e-grade-label').innerText()).resolves.toBe('二级')
  })

  it('a regulator opens a complaint’s 办理记录: who did what, when', async () => {
    const parent = await demoSession({ nickname: '监管测试家长' })
    const filed = await api<{ trackingNo: string }>('POST', '/api/v1/complaints', parent, {
      institutionId: target.id,
      category: 'safety',
      description: '午睡时没有老师看护，孩子从床上摔下来磕到了头。',
      occurredAt: inShanghai().subtract(1, 'day').format(),
      anonymous: true,
      contactPhone: '13912347777',
    })
    const regulator = await demoSession({ demoAccount: `regulator-${target.districtCode}` })
    await api('POST', `/api/v1/staff/complaints/${filed.trackingNo}/accept`, regulator, { note: '已受理，安排到园核查' })
    await desk.goto('/#/packages/workbench/pages/complaints/index')
    const card = desk.locator(`.e2e-queue-complaint[data-tracking-no="${filed.trackingNo}"]`)
    await card.locator('.e2e-complaint-audit').click()
    await card.locator('.e2e-audit-entry', { hasText: '受理：已受理，安排到园核查' }).waitFor()
    await card.locator('.e2e-audit-trail').evaluate((el) => el.scrollIntoView({ block: 'end' }))
    await shot(desk, '08-complaint-audit-trail')
  })
})
