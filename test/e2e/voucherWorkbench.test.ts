import { Browser, BrowserContext, Page } from 'playwright-core'
import { InstitutionSummary } from '@domain/institution'
import { inShanghai } from '@domain/shanghaiTime'
import { VOUCHER_MESSAGES } from '@domain/voucher'
import { addChild, requestJson, signInParent } from '@test/support/session'
import { demoRegulatorToken, getJson, institutionAdminToken, searchPage } from './support/api'
import { inputIn } from './support/appPage'
import { screenshot } from './support/screenshots'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { RunningServer } from './support/serverProcess'

/*
 * Issue 10's workbench screens themselves, in the H5 build on a wide page: the regulator
 * issues a 体验券 batch on 工作台 · 托育体验券 and follows it in the report; the institution
 * sets its fee and refund terms on 工作台 · 收费与退费约定 (6 months prepaid, over the
 * 3-month line) and the parent's institution page shows them with the warning; staff
 * redeem a voucher at check-in, and a second redemption is refused. The parent's own
 * steps (claim, book the trial) are test/e2e/policy.test.ts's; here they go through the API.
 */

jest.setTimeout(240_000)

let server: RunningServer
let browser: Browser
let page: Page
let shots: string
let appSession: AppSession | undefined
let desktops: BrowserContext[] = []

const YUBEI = '500112'
const BATCH_TITLE = '渝北托育体验券（工作台发放）'
const REFUND = '提前 30 天书面告知，未开始的月份全额退还，押金当天退还'

async function api<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const answer = await requestJson(server.baseUrl, method, url, body, token ? { authorization: `Bearer ${token}` } : {})
  if (answer.status >= 300) throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body as T
}

async function shot(on: Page, name: string): Promise<void> {
  await on.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await on.waitForTimeout(300)
  await screenshot(on, name, shots)
}

/** A wide page of its own (a PC at the institution or the district office). */
async function desktop(): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  desktops.push(context)
  return context.newPage()
}

/** Signs a wide page in as one of the demo's 演示账号 from the workbench's demo screen. */
async function signInAsDemoAccount(desk: Page, key: string): Promise<void> {
  await desk.goto('/#/packages/workbench/pages/home/index')
  await desk.locator(`.e2e-demo-account[data-key="${key}"]`).click()
  await desk.locator('.e2e-workbench-roles .workbench-tag').first().waitFor()
}

/** A person signs in on a wide page and accepts an invitation on the join page, as a new admin would. */
async function joinWithInvitation(desk: Page, code: string, name: string): Promise<void> {
  await desk.goto('/#/pages/me/index')
  await inputIn(desk, '.e2e-nickname-input').fill(name)
  await desk.locator('.e2e-sign-in').click()
  await desk.locator('.e2e-privacy-agree').click()
  await desk.goto(`/#/packages/workbench/pages/join/index?invite=${encodeURIComponent(code)}`)
  await desk.locator('.e2e-accept-invitation').click()
  await desk.locator('.e2e-join-ok').waitFor()
  await desk.locator('.e2e-open-workbench').click()
  await desk.locator('.e2e-workbench-roles .workbench-tag').first().waitFor()
}

/** A 渝北 普惠 institution with full-day care that takes a 15-month-old (a voucher batch may only name 普惠 ones). */
async function yubeiAffordable(): Promise<InstitutionSummary> {
  const list = await searchPage(server.baseUrl, `/api/v1/institutions?district=${encodeURIComponent('渝北区')}&affordable=true&careMode=full_day&ageMonths=15&limit=50`)
  const found = list.items[0]
  if (!found) throw new Error('no 普惠 full-day institution in 渝北 demo data takes a 15-month-old')
  return found
}

beforeAll(async () => {
  appSession = await startAppSession('voucher-workbench')
  ;({ server, browser, page, shots } = appSession)
}, 120_000)

afterAll(async () => {
  for (const context of desktops) await context.close()
  desktops = []
  await stopAppSession(appSession, 'voucher-workbench')
}, 30_000)

describe('体验券 and fee terms on the workbench screens', () => {
  let target: InstitutionSummary
  let regulatorDesk: Page
  let staffDesk: Page

  it('the regulator issues a batch on the vouchers screen and sees it in the report', async () => {
    target = await yubeiAffordable()
    regulatorDesk = await desktop()
    await signInAsDemoAccount(regulatorDesk, `regulator-${YUBEI}`)
    await regulatorDesk.locator('.e2e-section-vouchers').click()
    const form = regulatorDesk.locator('.e2e-issue-batch')
    await form.waitFor()
    await inputIn(regulatorDesk, '.e2e-batch-title').fill(BATCH_TITLE)
    await inputIn(regulatorDesk, '.e2e-batch-total').fill('20')
    await inputIn(regulatorDesk, '.e2e-batch-until').fill(inShanghai().add(30, 'day').format('YYYY-MM-DD'))
    // the form starts on the regulator's own district; the institution may be past the first page
    const chip = form.locator('.e2e-batch-institution', { hasText: target.name }).first()
    await form.locator('.e2e-batch-institution').first().waitFor()
    for (let i = 0; i < 10 && (await chip.count()) === 0; i += 1) {
      await form.locator('.e2e-load-more').click()
      await regulatorDesk.waitForTimeout(500)
    }
    await chip.click()
    // The chip shows it is chosen once the app has re-rendered (Preact renders after the click's task).
    await form.locator('.e2e-batch-institution.chip--on', { hasText: target.name }).first().waitFor()
    await shot(regulatorDesk, '01-regulator-issue-form')
    await form.locator('.e2e-issue-submit').click()
    await expect(form.locator('.e2e-issue-message').innerText()).resolves.toBe(`已发放：${BATCH_TITLE}，共 20 张`)
    const report = regulatorDesk.locator('.e2e-batch-report', { hasText: BATCH_TITLE })
    await expect(report.innerText()).resolves.toContain('共 20 张 · 已领 0 · 已预约 0 · 已核销 0 · 入托申请 0')
    await report.scrollIntoViewIfNeeded()
    await shot(regulatorDesk, '02-regulator-batch-report')
  })

  it('staff set fee and refund terms with 6 months prepaid, and the parent sees them with the warning', async () => {
    const regulator = await demoRegulatorToken(server.baseUrl, YUBEI)
    const invitation = await api<{ code: string }>('POST', '/api/v1/staff/invitations', regulator, { role: 'institution_admin', institutionId: target.id })
    const termsUrl = `/api/v1/institutions/${encodeURIComponent(target.id)}/fee-terms`
    const initial = await getJson<{ terms: unknown }>(server.baseUrl, termsUrl)
    staffDesk = await desktop()
    await joinWithInvitation(staffDesk, invitation.code, '李园长')
    // the form fills itself from the saved terms: let that answer arrive before typing
    await Promise.all([
      staffDesk.waitForResponse((r) => r.url().includes(`/institutions/${encodeURIComponent(target.id)}/fee-terms`)),
      staffDesk.locator('.e2e-section-terms').click(),
    ])
    await inputIn(staffDesk, '.e2e-terms-meals').fill('300')
    await inputIn(staffDesk, '.e2e-terms-registration').fill('200')
    await inputIn(staffDesk, '.e2e-terms-deposit').fill('1000')
    await inputIn(staffDesk, '.e2e-terms-prepay').fill('2.5')
    await inputIn(staffDesk, '.e2e-terms-notice').fill('30')
    await staffDesk.locator('.e2e-terms-refund textarea').fill(REFUND)
    // a mistyped month count is named beside its field, and nothing is saved
    await staffDesk.locator('.e2e-terms-save').click()
    await staffDesk.locator('.e2e-field-error', { hasText: '预收月数应为整数' }).waitFor()
    expect(await getJson(server.baseUrl, termsUrl)).toEqual(initial)
    await inputIn(staffDesk, '.e2e-terms-prepay').fill('6')
    await staffDesk.locator('.e2e-terms-save').click()
    await expect(staffDesk.locator('.e2e-terms-message').innerText()).resolves.toMatch(/^已保存。家长会看到提醒：/)
    await shot(staffDesk, '03-staff-fee-terms')

    const saved = await getJson<{ terms: { prepayMonths: number; depositFen: number; mealsFenPerMonth: number } | null }>(server.baseUrl, termsUrl)
    expect(saved.terms).toMatchObject({ prepayMonths: 6, depositFen: 100_000, mealsFenPerMonth: 30_000 })

    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    const terms = page.locator('.e2e-fee-terms')
    await terms.waitFor()
    await expect(terms.innerText()).resolves.toMatch(/¥1,000（退托时退还）/)
    await expect(terms.innerText()).resolves.toContain(REFUND)
    await expect(page.locator('.e2e-prepay-warning').innerText()).resolves.toContain('一次预收 6 个月费用')
    await page.locator('.e2e-prepay-warning').scrollIntoViewIfNeeded()
    await shot(page, '04-parent-sees-terms-and-warning')
  })

  it('staff redeem a booked voucher at check-in on the workbench, once, and the report counts it', async () => {
    // the parent's side, through the API: claim for the child, book the trial day with it
    const staffToken = await institutionAdminToken(server.baseUrl, target.id, YUBEI)
    const startsAt = inShanghai().add(2, 'day').hour(9).minute(30).second(0).millisecond(0)
    const slot = await api<{ id: string }>('POST', '/api/v1/staff/slots', staffToken, { kind: 'trial', title: '体验日', startsAt: startsAt.format(), endsAt: startsAt.add(3, 'hour').format(), capacity: 5 })
    const parent = await signInParent(server.baseUrl, '豆豆妈妈')
    const child = await addChild(server.baseUrl, parent, { nickname: '豆豆', birthDate: inShanghai().subtract(15, 'month').format('YYYY-MM-DD') })
    const batches = await getJson<{ items: { id: string; title: string }[] }>(server.baseUrl, `/api/v1/voucher-batches?districtCode=${YUBEI}&limit=50`)
    const batch = batches.items.find((b) => b.title === BATCH_TITLE)!
    const voucher = await api<{ id: string; code: string }>('POST', `/api/v1/voucher-batches/${batch.id}/claims`, parent.token, { childId: child.id })
    await api('POST', `/api/v1/me/vouchers/${voucher.id}/booking`, parent.token, { slotId: slot.id, contactName: '王女士', contactPhone: '13812345678' })

    await staffDesk.goto('/#/packages/workbench/pages/home/index')
    await staffDesk.locator('.e2e-section-vouchers').click()
    await inputIn(staffDesk, '.e2e-redeem-code').fill(voucher.code.toLowerCase())
    await staffDesk.locator('.e2e-redeem-submit').click()
    await expect(staffDesk.locator('.e2e-redeem-message').innerText()).resolves.toBe(`已核销：豆豆 · ${BATCH_TITLE}（已核销）`)
    await shot(staffDesk, '05-staff-redeemed')
    await inputIn(staffDesk, '.e2e-redeem-code').fill(voucher.code)
    await staffDesk.locator('.e2e-redeem-submit').click()
    // the message line is already there from the first redemption: wait for its new words
    await staffDesk.locator('.e2e-redeem-message', { hasText: VOUCHER_MESSAGES.used }).waitFor()
    await shot(staffDesk, '06-staff-second-redeem-refused')

    await regulatorDesk.reload()
    const report = regulatorDesk.locator('.e2e-batch-report', { hasText: BATCH_TITLE })
    await expect(report.innerText()).resolves.toContain('共 20 张 · 已领 1 · 已预约 1 · 已核销 1')
    await report.scrollIntoViewIfNeeded()
    await shot(regulatorDesk, '07-regulator-report-after-redemption')
  })
})
