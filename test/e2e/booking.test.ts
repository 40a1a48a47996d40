import { Browser, BrowserContext, Page } from 'playwright-core'
import { Booking } from '@domain/booking'
import { PublicSlot } from '@domain/slotRules'
import { inShanghai } from '@domain/shanghaiTime'
import { getJson, institutionDetail, searchPage } from './support/api'
import { inputIn } from './support/appPage'
import { screenshot } from './support/screenshots'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { RunningServer } from './support/serverProcess'

/*
 * 入托网上约 end to end in the H5 build: a parent signs in (demo), agrees to the privacy
 * guide, adds a child through the guardian-consent step, books an open day from an
 * institution's calendar, finds it in 我的预约 with its code, cancels it and sees the
 * place come back, applies for enrollment and sees the application's status, and
 * finally deletes the child for good.
 * The server is the real one with its demo data (demo slots dated from today).
 */

jest.setTimeout(120_000)

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
let shots: string

/** About 20 months old today: inside most demo institutions' ranges for the next weeks. */
const BIRTH_DATE = inShanghai().subtract(20, 'month').format('YYYY-MM-DD')

interface Target {
  institutionId: string
  name: string
  slot: PublicSlot
}

/** A demo institution in 渝北区 that takes a 20–21-month-old and has an open day with places. */
async function findTarget(): Promise<Target> {
  let cursor: string | null = null
  do {
    const query = `/api/v1/institutions?district=${encodeURIComponent('渝北区')}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const list = await searchPage(server.baseUrl, query)
    for (const inst of list.items) {
      if (inst.ageRange.minMonths > 20 || inst.ageRange.maxMonths < 22) continue
      const slots = await getJson<{ items: PublicSlot[] }>(server.baseUrl, `/api/v1/institutions/${encodeURIComponent(inst.id)}/slots?kind=open_day`)
      const slot = slots.items.find((s) => s.remaining >= 2)
      if (slot) return { institutionId: inst.id, name: inst.name, slot }
    }
    cursor = list.nextCursor
  } while (cursor)
  throw new Error('no demo institution in 渝北区 with an open day: is server/demo/demoSlots.ts wired into the demo seed?')
}

async function remainingOf(target: Target): Promise<number> {
  const slots = await getJson<{ items: PublicSlot[] }>(server.baseUrl, `/api/v1/institutions/${encodeURIComponent(target.institutionId)}/slots?kind=open_day`)
  return slots.items.find((s) => s.id === target.slot.id)!.remaining
}

/** Taro's H5 showModal: tap its confirm button. */
async function confirmModal(): Promise<void> {
  await page.locator('.taro__modal .taro-model__confirm').click()
}

/** A screenshot once the page has finished sliding in (Taro's H5 page transitions). */
async function shot(name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await page.waitForTimeout(300)
  await screenshot(page, name, shots)
}

let session: AppSession | undefined

beforeAll(async () => {
  session = await startAppSession('booking')
  ;({ server, browser, context, page, shots } = session)
}, 120_000)

afterAll(() => stopAppSession(session, 'booking'), 30_000)

describe('booking a visit and applying for a place in the H5 app', () => {
  let target: Target
  let booking: Booking

  it('signs the parent in (demo) and asks for the privacy guide before anything personal', async () => {
    target = await findTarget()
    await page.goto('/#/pages/me/index')
    await inputIn(page, '.e2e-nickname-input').fill('豆豆妈妈')
    await page.locator('.e2e-sign-in').click()
    await page.locator('.e2e-privacy-guide').waitFor()
    await expect(page.locator('.e2e-account-name').innerText()).resolves.toContain('豆豆妈妈')
    // No children section until the guide is agreed to.
    expect(await page.locator('.e2e-children').count()).toBe(0)
    await shot('01-privacy-guide')
    await page.locator('.e2e-privacy-agree').click()
    await page.locator('.e2e-children .e2e-children-empty').waitFor()
  })

  it('adds a child after a separate guardian consent, checking the form in Chinese', async () => {
    await page.locator('.e2e-children .e2e-add-child').click()
    await page.locator('.e2e-child-consent').waitFor()
    await expect(page.locator('.e2e-child-consent').innerText()).resolves.toMatch(/小名[\s\S]*出生日期或预产期[\s\S]*保存到您删除为止[\s\S]*删除/)
    await shot('02-child-consent')
    await page.locator('.e2e-child-consent-agree').click()
    await page.locator('.e2e-child-form').waitFor()

    // Nothing filled in: the domain schema's messages, nothing sent.
    await page.locator('.e2e-child-save').click()
    await expect(page.locator('.e2e-child-form .e2e-field-error').allInnerTexts()).resolves.toEqual(['请填写小名', '请填写出生日期或预产期（二选一）'])

    await inputIn(page, '.e2e-child-nickname').fill('豆豆')
    await page.locator('input.e2e-child-date').fill(BIRTH_DATE)
    await shot('03-child-form')
    await page.locator('.e2e-child-save').click()
    await page.locator('.e2e-children .e2e-child-name', { hasText: '豆豆' }).waitFor()
    await shot('04-me-with-child')
  })

  it('books an open day from the institution’s calendar and shows its code and QR code', async () => {
    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.institutionId)}`)
    await page.locator('.e2e-booking-actions .e2e-book-visit').click()
    await page.locator('.e2e-calendar').waitFor()
    await expect(page.locator('.e2e-calendar-institution').innerText()).resolves.toBe(target.name)
    expect(await page.locator('.e2e-calendar-day-open').count()).toBeGreaterThan(0)

    const day = inShanghai(target.slot.startsAt).format('YYYY-MM-DD')
    await page.locator(`.e2e-calendar-day[data-date="${day}"]`).click()
    const slotRow = page.locator(`.e2e-day-slots .e2e-slot[data-slot-id="${target.slot.id}"]`)
    const before = await remainingOf(target)
    await expect(slotRow.locator('.e2e-slot-remaining').innerText()).resolves.toContain(`余 ${before} 个名额`)
    await expect(slotRow.locator('.e2e-slot-kind').innerText()).resolves.toBe('托育开放日')
    await shot('05-slot-calendar')
    await slotRow.locator('.e2e-slot-book').click()

    await page.locator('.e2e-booking-form').waitFor()
    await page.locator('.e2e-pick-child', { hasText: '豆豆' }).click()
    await inputIn(page, '.e2e-contact-name').fill('豆豆妈妈')
    await inputIn(page, '.e2e-contact-phone').fill('1380013')
    await page.locator('.e2e-confirm-booking').click()
    await expect(page.locator('.e2e-booking-form .e2e-field-error').allInnerTexts()).resolves.toEqual(['请填写 11 位手机号'])
    await inputIn(page, '.e2e-contact-phone').fill('13800138000')
    expect(await page.locator('.e2e-booking-form .e2e-field-error').count()).toBe(0)
    await shot('06-booking-form')

    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/v1/bookings') && r.method() === 'POST'),
      page.locator('.e2e-confirm-booking').click(),
    ])
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    await page.locator('.e2e-booking-detail').waitFor()
    const code = (await page.locator('.e2e-booking-code').innerText()).trim()
    const mine = await fetchWithToken<{ items: Array<{ type: string; booking?: Booking }> }>('/api/v1/me/bookings')
    booking = mine.items.find((item) => item.booking?.code === code)!.booking!
    expect(booking).toMatchObject({ status: 'confirmed', slot: { id: target.slot.id }, institution: { id: target.institutionId } })
    await expect(page.locator('.e2e-booking-status').innerText()).resolves.toBe('已确认')
    await page.locator('.e2e-booking-qr').waitFor()
    expect(await remainingOf(target)).toBe(before - 1)
    await expect(page.locator('.e2e-subscribe-offer').innerText()).resolves.toContain('需要在微信小程序中开启')
    await shot('07-booking-detail')
  })

  it('lists the booking in 我的预约 with its code, and cancelling frees the place at once', async () => {
    await page.goto('/#/packages/booking/pages/mine/index')
    const card = page.locator('.e2e-my-booking', { hasText: booking.code })
    await card.waitFor()
    await expect(card.locator('.e2e-my-booking-status').innerText()).resolves.toBe('已确认')
    await shot('08-my-bookings')

    const before = await remainingOf(target)
    await card.click()
    await page.locator('.e2e-cancel-booking').click()
    await confirmModal()
    await page.locator('.e2e-booking-status', { hasText: '已取消' }).waitFor()
    await expect(page.locator('.e2e-booking-message').innerText()).resolves.toContain('名额已释放')
    expect(await remainingOf(target)).toBe(before + 1)
    await shot('09-booking-cancelled')

    // The calendar shows the place back.
    await page.goto(`/#/packages/booking/pages/calendar/index?institutionId=${encodeURIComponent(target.institutionId)}`)
    await page.locator(`.e2e-calendar-day[data-date="${inShanghai(target.slot.startsAt).format('YYYY-MM-DD')}"]`).click()
    await expect(page.locator(`.e2e-slot[data-slot-id="${target.slot.id}"] .e2e-slot-remaining`).innerText()).resolves.toContain(`余 ${before + 1} 个名额`)
  })

  it('applies for enrollment and shows the application’s status', async () => {
    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.institutionId)}`)
    await page.locator('.e2e-booking-actions .e2e-apply').click()
    await page.locator('.e2e-apply-form').waitFor()
    await page.locator('.e2e-pick-child', { hasText: '豆豆' }).click()
    const detail = await institutionDetail(server.baseUrl, target.institutionId)
    await page.locator(`.e2e-care-mode-${detail.careModes[0].mode}`).click()
    await page.locator('.e2e-start-month').nth(2).click()
    await inputIn(page, '.e2e-apply-phone').fill('13800138000')
    await shot('10-apply-form')
    await page.locator('.e2e-submit-application').click()
    await page.locator('.e2e-application').waitFor()
    const status = (await page.locator('.e2e-application-status').innerText()).trim()
    expect(['已提交，待机构审核', '候补中']).toContain(status)
    if (status === '候补中') await expect(page.locator('.e2e-waitlist-position').innerText()).resolves.toMatch(/第 \d+ 位/)
    await shot('11-application')

    await page.goto('/#/packages/booking/pages/mine/index')
    await page.locator('.e2e-my-enrollment', { hasText: target.name }).waitFor()
    await shot('12-my-bookings-with-application')
  })

  it('deletes the child for good from 我的 after saying so, and withdraws its application', async () => {
    await page.goto('/#/pages/me/index')
    const child = page.locator('.e2e-children .e2e-child', { hasText: '豆豆' })
    await child.locator('.e2e-child-delete').click()
    await expect(page.locator('.taro__modal .taro-modal__text').innerText()).resolves.toContain('无法恢复')
    await confirmModal()
    await page.locator('.e2e-children .e2e-children-empty').waitFor()
    await expect(page.locator('.e2e-children-message').innerText()).resolves.toContain('已删除')
    const mine = await fetchWithToken<{ items: Array<{ type: string; enrollment?: { status: string } }> }>('/api/v1/me/bookings')
    expect(mine.items.filter((item) => item.type === 'enrollment').map((item) => item.enrollment!.status)).toEqual(['withdrawn'])
    await shot('13-child-deleted')
  })
})

/** The API as this browser's parent: the token the app stored. */
async function fetchWithToken<T>(pathAndQuery: string): Promise<T> {
  const token = await page.evaluate(() => {
    const raw = localStorage.getItem('anxin.session')
    if (!raw) return null
    const stored = JSON.parse(raw) as { data?: unknown } | { token?: string }
    const session = (typeof stored === 'object' && stored && 'data' in stored ? stored.data : stored) as { token?: string } | string
    return typeof session === 'string' ? (JSON.parse(session) as { token: string }).token : (session.token ?? null)
  })
  if (!token) throw new Error('the app stored no session')
  const response = await fetch(new URL(pathAndQuery, server.baseUrl), { headers: { authorization: `Bearer ${token}` } })
  if (response.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${response.status}`)
  return (await response.json()) as T
}
