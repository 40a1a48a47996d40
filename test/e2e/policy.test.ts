import { Browser, BrowserContext, Page } from 'playwright-core'
import { InstitutionSummary } from '@domain/institution'
import { InstitutionFacts } from '@domain/institutionFacts'
import { bandsWithin, VacancyCell } from '@domain/vacancies'
import { inShanghai } from '@domain/shanghaiTime'
import { demoRegulatorToken, getJson, institutionAdminToken, searchPage } from './support/api'
import { inputIn, nextSearch } from './support/appPage'
import { phoneContext } from './support/browser'
import { screenshot } from './support/screenshots'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { RunningServer } from './support/serverProcess'

/*
 * Issue 10 end to end in the H5 build: 我能享受哪些 for a child born 14 months ago in 渝北,
 * the net monthly price and the fee terms on an institution page, claiming a 体验券 and
 * booking a trial day with it, and saving a search and seeing the alert after staff add
 * a vacancy. Staff and regulator actions go through the API here (their screens have
 * their own browser test, test/e2e/voucherWorkbench.test.ts); everything a parent does
 * goes through the browser.
 */

jest.setTimeout(180_000)

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
let shots: string
let session: AppSession | undefined

const BIRTH_DATE = inShanghai().subtract(14, 'month').format('YYYY-MM-DD')
const YUBEI = '500112'

async function post<T>(path: string, body: unknown, token?: string, method = 'POST'): Promise<T> {
  const response = await fetch(new URL(path, server.baseUrl), {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

async function shot(name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await page.waitForTimeout(300)
  await screenshot(page, name, shots)
}

/** A 渝北 普惠 institution with full-day care that takes a 14-month-old and has children enrolled. */
async function yubeiTarget(): Promise<InstitutionSummary> {
  const list = await searchPage(server.baseUrl, `/api/v1/institutions?district=${encodeURIComponent('渝北区')}&affordable=true&careMode=full_day&ageMonths=15&limit=50`)
  const found = list.items.find((i) => i.capacity - i.vacancies >= 2)
  if (!found) throw new Error('no 普惠 full-day institution in 渝北 demo data takes a 15-month-old')
  return found
}

beforeAll(async () => {
  // a 1 s alert round, so the saved-search alert shows within the test's patience
  session = await startAppSession('policy', { ALERT_INTERVAL_MS: '1000' })
  ;({ server, browser, context, page, shots } = session)
}, 120_000)

afterAll(() => stopAppSession(session, 'policy'), 30_000)

/**
 * The institution's vacancy cells with one more place in 全日托 · 托小班: the target takes
 * 15-month-olds in 全日托 (yubeiTarget), so whatever the saved search asks of care mode and
 * age on 找托育, the new place is one it wants (alerts match the cell, not only the total).
 */
function oneMorePlace(facts: InstitutionFacts): VacancyCell[] {
  const cells = facts.vacancyCells.map(({ careMode, ageBand, vacancies }) => ({ careMode, ageBand, vacancies }))
  const wanted = cells.find((c) => c.careMode === 'full_day' && c.ageBand === 'toddler')
  if (wanted) wanted.vacancies += 1
  else cells.push({ careMode: 'full_day', ageBand: 'toddler', vacancies: cells.length === 0 ? facts.vacancies + 1 : 1 })
  return cells
}

describe('政策、到手价、体验券和空位提醒 in the H5 app', () => {
  let target: InstitutionSummary

  it('answers 我能享受哪些 for a child born 14 months ago in 渝北, with the subsidy months left and the next step', async () => {
    target = await yubeiTarget()
    await page.goto('/#/packages/policy/pages/mine/index')
    await page.locator('.e2e-policy-form').waitFor()
    await page.locator('.e2e-kind-born').click()
    await page.locator('input.e2e-policy-date').fill(BIRTH_DATE)
    await page.locator(`.e2e-district-${YUBEI}`).click()
    await shot('01-policy-form')
    await page.locator('.e2e-policy-submit').click()
    await page.locator('.e2e-policy-answer').waitFor()
    await expect(page.locator('.e2e-policy-answer').innerText()).resolves.toContain('1 岁 2 个月')
    const subsidy = page.locator('.e2e-my-policy[data-policy="national-childcare-subsidy"]')
    await expect(subsidy.locator('.e2e-for-this-child').innerText()).resolves.toMatch(/可领 36 个月[\s\S]*还剩 22 个月，约 ¥6,600/)
    await expect(subsidy.innerText()).resolves.toContain('户籍所在地')
    await expect(page.locator('.e2e-my-policy[data-policy="national-infant-care-tax-deduction"]').innerText()).resolves.toContain('¥60–¥900')
    await page.locator('.e2e-my-policy[data-policy="yubei-trial-vouchers"]').waitFor()
    expect(await page.locator('.e2e-my-policy[data-policy="sichuan-leave"]').count()).toBe(0)
    await shot('02-policy-answer')
    await subsidy.locator('.e2e-policy-detail-link').click()
    await page.locator('.e2e-policy-figures').waitFor()
    await expect(page.locator('.e2e-policy-figures').innerText()).resolves.toMatch(/¥3,600\/年[\s\S]*2025-01-01 起[\s\S]*国务院新闻办公室/)
    await shot('03-policy-detail')
  })

  it('shows the net monthly price on an institution page, how it was computed one tap away, and the prepayment warning', async () => {
    const staff = await institutionAdminToken(server.baseUrl, target.id, YUBEI)
    await post('/api/v1/staff/fee-terms', { mealsFenPerMonth: 30_000, registrationFen: 20_000, depositFen: 100_000, prepayMonths: 6, noticeDays: 30, refundOnWithdrawal: '提前 30 天告知，未开始的月份全额退还' }, staff, 'PUT')
    const fullDay = target.careModes.find((m) => m.mode === 'full_day')!
    const net = (fullDay.fee + 30_000 - 30_000) / 100
    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    await page.locator('.e2e-net-price').waitFor()
    await expect(page.locator('.e2e-net-price-headline').first().innerText()).resolves.toBe(
      `全日托 约 ¥${net.toLocaleString('en-US')}/月，已扣除育儿补贴 ¥300/月；个税可再少缴约 ¥60–¥900/月，取决于税率`,
    )
    await page.locator('.e2e-net-price-how').click()
    await expect(page.locator('.e2e-net-price-steps').innerText()).resolves.toMatch(/按孩子出生日期[\s\S]*伙食费 ¥300\/月[\s\S]*育儿补贴按月折算 ¥300\/月[\s\S]*报名费 ¥200/)
    await expect(page.locator('.e2e-prepay-warning').innerText()).resolves.toContain('一次预收 6 个月费用')
    await page.locator('.e2e-net-price-steps').scrollIntoViewIfNeeded()
    await shot('04-net-price')
    await page.locator('.e2e-prepay-warning').scrollIntoViewIfNeeded()
    await shot('05-fee-terms-warning')
  })

  it('claims a 体验券 for the child and books a trial day with it', async () => {
    const regulator = await demoRegulatorToken(server.baseUrl, YUBEI)
    const today = inShanghai().format('YYYY-MM-DD')
    await post('/api/v1/regulator/voucher-batches', { title: '渝北托育体验券（演示）', total: 50, validFrom: today, validUntil: inShanghai().add(30, 'day').format('YYYY-MM-DD'), institutionIds: [target.id] }, regulator)
    const staff = await institutionAdminToken(server.baseUrl, target.id, YUBEI)
    const startsAt = inShanghai().add(3, 'day').hour(9).minute(30).second(0).millisecond(0)
    await post('/api/v1/staff/slots', { kind: 'trial', title: '体验日', startsAt: startsAt.format(), endsAt: startsAt.add(3, 'hour').format(), capacity: 5 }, staff)

    // the parent signs in, agrees to the privacy guide and adds the child
    await page.goto('/#/pages/me/index')
    await inputIn(page, '.e2e-nickname-input').fill('豆豆妈妈')
    await page.locator('.e2e-sign-in').click()
    await page.locator('.e2e-privacy-agree').click()
    await page.locator('.e2e-children .e2e-add-child').click()
    await page.locator('.e2e-child-consent-agree').click()
    await inputIn(page, '.e2e-child-nickname').fill('豆豆')
    await page.locator('input.e2e-child-date').fill(BIRTH_DATE)
    await page.locator('.e2e-child-save').click()
    await page.locator('.e2e-children .e2e-child-name', { hasText: '豆豆' }).waitFor()

    await page.locator('.e2e-my-vouchers-link').click()
    await page.locator('.e2e-voucher-batch').first().waitFor()
    await shot('06-voucher-batches')
    await page.locator('.e2e-voucher-batch .e2e-voucher-claim', { hasText: '为豆豆领取' }).first().click()
    await page.locator('.e2e-voucher').waitFor()
    await expect(page.locator('.e2e-voucher-status').innerText()).resolves.toBe('已领取，待预约')
    const code = (await page.locator('.e2e-voucher-code').first().innerText()).trim()
    expect(code).toMatch(/^[A-Z0-9]{8}$/)
    // one per child: the same batch again is refused in plain words
    await page.locator('.e2e-voucher-batch .e2e-voucher-claim', { hasText: '为豆豆领取' }).first().click()
    await expect(page.locator('.e2e-voucher-claim-error').innerText()).resolves.toContain('每个孩子限领一张')

    await page.locator('.e2e-voucher-start-booking').click()
    await page.locator('.e2e-voucher-institution').first().click()
    await page.locator('.e2e-voucher-slot').first().click()
    await inputIn(page, '.e2e-voucher-contact-name').fill('王女士')
    await inputIn(page, '.e2e-voucher-contact-phone').fill('13812345678')
    await shot('07-voucher-booking')
    await page.locator('.e2e-voucher-book').click()
    await page.locator('.e2e-voucher-booked').waitFor()
    await expect(page.locator('.e2e-voucher-booked').innerText()).resolves.toContain(target.name)
    await expect(page.locator('.e2e-voucher-booking-code').innerText()).resolves.toMatch(/^[A-Z0-9]+$/)
    await shot('08-voucher-booked')

    // staff redeem it at check-in; a second time is refused
    const redeemed = await post<{ status: string }>('/api/v1/staff/vouchers/redeem', { code }, staff)
    expect(redeemed.status).toBe('redeemed')
    await expect(post('/api/v1/staff/vouchers/redeem', { code }, staff)).rejects.toThrow(/409/)
  })

  it('saves a search on 找托育 and shows the alert in 我的 after staff add a vacancy (with the one vacancy editor)', async () => {
    await page.goto('/#/pages/find/index')
    await page.locator('.e2e-district-picker .e2e-district-option', { hasText: '渝北区' }).click()
    await page.locator('.e2e-result-list').waitFor()
    await page.locator('.e2e-save-search').click()
    await page.locator('.e2e-search-saved').waitFor()
    await page.locator('.e2e-search-saved').scrollIntoViewIfNeeded()
    await shot('09-search-saved')
    // let the alert job take its first look, then staff free a place
    await page.waitForTimeout(2500)
    const staff = await institutionAdminToken(server.baseUrl, target.id, YUBEI)
    const facts = await getJson<InstitutionFacts>(server.baseUrl, '/api/v1/staff/institution/facts', staff)
    await post('/api/v1/staff/institution/facts', { vacancies: oneMorePlace(facts) }, staff, 'PUT')
    await page.goto('/#/packages/policy/pages/alerts/index')
    const alert = page.locator('.e2e-alert').first()
    for (let i = 0; i < 20 && (await page.locator('.e2e-alert').count()) === 0; i += 1) {
      await page.waitForTimeout(1000)
      await page.reload()
      await page.locator('.e2e-alerts').waitFor()
    }
    await expect(alert.innerText()).resolves.toContain(`${target.name} 新增 1 个空位`)
    await shot('10-vacancy-alert')
  })

  it('says honestly when nothing is within the radius, and shows the nearest matches beyond it and the nearest 普惠', async () => {
    const near = await phoneContext(browser, server.baseUrl, 'granted')
    const findPage = await near.newPage()
    try {
      await Promise.all([nextSearch(findPage), findPage.goto('/')])
      // 统景镇 lies about 40 km from the parent (龙溪街道): nothing within 5 km, some within 50
      await Promise.all([nextSearch(findPage, (q) => q.get('q') === '统景'), inputIn(findPage, '.e2e-search-input').fill('统景')])
      const beyond = findPage.locator('.e2e-beyond')
      await beyond.waitFor({ timeout: 10_000 })
      await expect(beyond.innerText()).resolves.toContain('5 公里内没有符合条件的机构')
      await expect(beyond.locator('.e2e-institution-card').first().innerText()).resolves.toContain('统景镇')
      await expect(findPage.locator('.e2e-nearest-affordable .e2e-institution-card').innerText()).resolves.toContain('普惠')
      await findPage.waitForTimeout(300)
      await screenshot(findPage, '11-honest-empty', shots)
    } finally {
      await near.close()
    }
  })
})
