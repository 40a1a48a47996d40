import sharp from 'sharp'
import { Browser, BrowserContext, Page } from 'playwright-core'
import { Complaint, StaffComplaint } from '@domain/complaint'
import { ReviewPage } from '@domain/review'
import { inShanghai } from '@domain/shanghaiTime'
import { addChild, requestJson, signInParent, TestSession } from '../support/session'
import { getJson, searchPage } from './support/api'
import { inputIn } from './support/appPage'
import { phoneContext } from './support/browser'
import { screenshot } from './support/screenshots'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { RunningServer } from './support/serverProcess'

/*
 * 投诉马上查 and ratings end to end in the H5 build: a parent files a complaint with a
 * photo through the four-step form (the network drops on the first try: the draft stays
 * on the phone and comes back after a reload), looks it up signed out with the tracking
 * number and the phone's last four digits, sees the timeline after a regulator accepts it
 * (through the API, as a demo regulator of that district), and rates an institution
 * whose staff marked the parent's visit attended (through the API).
 */

jest.setTimeout(180_000)

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
let shots: string

const PHONE = '13800138000'
const DESCRIPTION = '午饭的米饭是夹生的，孩子回家说肚子疼，老师说没有这回事。'

interface Target {
  id: string
  name: string
  districtCode: string
}

async function shot(on: Page, name: string): Promise<void> {
  await on.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await on.waitForTimeout(300)
  await screenshot(on, name, shots)
}

/**
 * A demo institution in 渝北区 that takes a 20-month-old (for the visit booked for the
 * review), has a named demo staff account (演示账号, server/demo/demoAccounts.ts) and
 * nobody has rated yet: the demo seeds real review rows, and this story is the first review.
 */
async function findTarget(): Promise<Target> {
  const accounts = await getJson<{ items: { key: string; role: string; institutionId: string | null }[] }>(server.baseUrl, '/api/v1/auth/demo/accounts')
  const staffed = new Set(accounts.items.filter((a) => a.role === 'institution_staff').map((a) => a.institutionId))
  let cursor: string | null = null
  do {
    const list = await searchPage(server.baseUrl, `/api/v1/institutions?district=${encodeURIComponent('渝北区')}&sort=fee&limit=50${cursor ? `&cursor=${cursor}` : ''}`)
    const inst = list.items.find((i) => staffed.has(i.id) && i.ageRange.minMonths <= 18 && i.ageRange.maxMonths >= 24 && i.rating.count === 0)
    if (inst) return { id: inst.id, name: inst.name, districtCode: inst.districtCode }
    cursor = list.nextCursor
  } while (cursor)
  throw new Error('no unrated demo institution in 渝北区 with a demo staff account takes a 20-month-old')
}

/** A small real JPEG, made here so the test carries no binary fixture. */
function photoJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .jpeg()
    .toBuffer()
}

/** The browser parent's session, as the app stored it. */
async function browserSession(): Promise<TestSession> {
  const raw = await page.evaluate(() => localStorage.getItem('anxin.session'))
  if (!raw) throw new Error('the app stored no session')
  const stored = JSON.parse(raw) as { data?: unknown }
  const session = (stored && typeof stored === 'object' && 'data' in stored ? stored.data : stored) as { token: string; user: { id: string } } | string
  const value = typeof session === 'string' ? (JSON.parse(session) as { token: string; user: { id: string } }) : session
  return { token: value.token, userId: value.user.id, headers: { authorization: `Bearer ${value.token}` } }
}

async function api<T>(method: string, url: string, session: TestSession | null, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const answer = await requestJson(server.baseUrl, method, url, body, { ...(session?.headers ?? {}), ...headers })
  if (answer.status >= 300) throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body as T
}

async function demoSignIn(body: Record<string, string>): Promise<TestSession> {
  const answer = await api<{ token: string; user: { id: string } }>('POST', '/api/v1/auth/demo', null, body)
  return { token: answer.token, userId: answer.user.id, headers: { authorization: `Bearer ${answer.token}` } }
}

let session: AppSession | undefined

beforeAll(async () => {
  session = await startAppSession('complaint')
  ;({ server, browser, context, page, shots } = session)
}, 120_000)

afterAll(() => stopAppSession(session, 'complaint'), 30_000)

describe('filing and following a complaint, and rating a visited institution, in the H5 app', () => {
  let target: Target
  let trackingNo: string

  it('signs the parent in and shows the public record on the institution page', async () => {
    target = await findTarget()
    await page.goto('/#/pages/me/index')
    await inputIn(page, '.e2e-nickname-input').fill('豆豆妈妈')
    await page.locator('.e2e-sign-in').click()
    await page.locator('.e2e-privacy-agree').click()
    await page.locator('.e2e-my-complaints-link').waitFor()

    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    const record = page.locator('.e2e-public-record')
    await record.locator('.e2e-reviews-brief').waitFor()
    await expect(record.locator('.e2e-complaint-stats').innerText()).resolves.toBe('暂无投诉记录')
    await record.scrollIntoViewIfNeeded()
    await shot(page, '01-public-record')
  })

  it('files a complaint with a photo in four steps, keeping the draft when the network drops', async () => {
    await page.locator('.e2e-public-record .e2e-complain').click()
    await page.locator('.e2e-complaint-form').waitFor()
    await expect(page.locator('.e2e-chosen-institution').innerText()).resolves.toContain(target.name)
    await page.locator('.e2e-step-next').click()

    // Step 2: nothing chosen yet — the domain schema's messages, and no moving on.
    await page.locator('.e2e-step-what').waitFor()
    await page.locator('.e2e-step-next').click()
    await expect(page.locator('.e2e-step-what .e2e-field-error').allInnerTexts()).resolves.toEqual(['请选择投诉类别', '请至少用 10 个字描述发生了什么', '请填写发生时间'])
    await page.locator('.e2e-category-food').click()
    await page.locator('.e2e-description textarea').fill(DESCRIPTION)
    await page.locator('input.e2e-occurred-date').fill(inShanghai().subtract(2, 'day').format('YYYY-MM-DD'))
    await page.locator('input.e2e-occurred-time').fill('12:30')
    await shot(page, '02-what-happened')
    await page.locator('.e2e-step-next').click()

    // Step 3: a photo through the page's file input, uploaded at once.
    await page.locator('.e2e-photo-picker').waitFor()
    const [upload] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/uploads') && r.request().method() === 'POST'),
      page.locator('input.e2e-photo-input').setInputFiles({ name: 'lunch.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg() }),
    ])
    expect(upload.status()).toBe(201)
    await page.locator('.e2e-photo').waitFor()
    await shot(page, '03-photo')
    await page.locator('.e2e-step-next').click()

    // Step 4: the phone, then a dropped network on submit.
    await inputIn(page, '.e2e-complaint-phone').fill(PHONE)
    await context.setOffline(true)
    await page.locator('.e2e-submit-complaint').click()
    await expect(page.locator('.e2e-complaint-failure').innerText()).resolves.toContain('已保存在手机上')
    await shot(page, '04-offline-draft-kept')

    // Back online, the app reopened: the draft is all there.
    await context.setOffline(false)
    await page.reload()
    await page.locator('.e2e-draft-restored').waitFor()
    await expect(page.locator('.e2e-step-current').innerText()).resolves.toContain('联系方式')
    await expect(inputIn(page, '.e2e-complaint-phone').inputValue()).resolves.toBe(PHONE)
    await page.locator('.e2e-step-back').click()
    expect(await page.locator('.e2e-photo').count()).toBe(1)
    await page.locator('.e2e-step-next').click()

    await page.locator('.e2e-submit-complaint').click()
    await page.locator('.e2e-complaint-filed').waitFor()
    trackingNo = (await page.locator('.e2e-tracking-no').innerText()).trim()
    expect(trackingNo).toMatch(/^TS\d{8}-[2-9A-HJ-NP-Z]{6}$/)
    await expect(page.locator('.e2e-complaint-status').innerText()).resolves.toBe('已提交，待受理')
    await expect(page.locator('.e2e-complaint-deadline').innerText()).resolves.toContain('受理期限')
    await page.locator('.e2e-complaint-photo').waitFor()
    expect(await page.locator('.e2e-timeline-entry').count()).toBe(1)
    await shot(page, '05-filed')

    // Filed once, and the draft is gone.
    const mine = await api<{ items: Complaint[] }>('GET', '/api/v1/me/complaints', await browserSession())
    expect(mine.items.map((c) => c.trackingNo)).toEqual([trackingNo])
    expect(mine.items[0].attachments).toHaveLength(1)
    expect(await page.evaluate(() => localStorage.getItem('anxin.complaintDraft'))).not.toContain('lunch.jpg')
  })

  it('looks it up signed out by number and the last four digits, and says so when they do not match', async () => {
    const stranger = await phoneContext(browser, server.baseUrl, 'refused')
    const lookup = await stranger.newPage()
    await lookup.goto('/#/packages/complaint/pages/lookup/index')
    await inputIn(lookup, '.e2e-lookup-tracking-no').fill(trackingNo)
    await inputIn(lookup, '.e2e-lookup-phone-last4').fill('0000')
    await lookup.locator('.e2e-lookup-submit').click()
    await expect(lookup.locator('.e2e-lookup-error').innerText()).resolves.toBe('没有找到：请核对查询码和手机号后四位')

    await inputIn(lookup, '.e2e-lookup-phone-last4').fill(PHONE.slice(-4))
    await lookup.locator('.e2e-lookup-submit').click()
    await lookup.locator('.e2e-complaint').waitFor()
    await expect(lookup.locator('.e2e-tracking-no').innerText()).resolves.toBe(trackingNo)
    await expect(lookup.locator('.e2e-timeline-status').allInnerTexts()).resolves.toEqual(['已提交，待受理'])
    // Photos are for the signed-in owner and the regulator only.
    expect(await lookup.locator('.e2e-complaint-photo').count()).toBe(0)
    await shot(lookup, '06-lookup')

    // A regulator of the institution's district accepts it with a note (through the API).
    const regulator = await demoSignIn({ demoAccount: `regulator-${target.districtCode}` })
    const queue = await api<{ items: StaffComplaint[] }>('GET', '/api/v1/staff/complaints', regulator)
    expect(queue.items.map((c) => c.trackingNo)).toContain(trackingNo)
    await api('POST', `/api/v1/staff/complaints/${trackingNo}/accept`, regulator, { note: '已受理，三个工作日内到园核查' })

    await lookup.reload()
    await lookup.locator('.e2e-complaint-status', { hasText: '已受理' }).waitFor()
    await expect(lookup.locator('.e2e-timeline-status').allInnerTexts()).resolves.toEqual(['已受理', '已提交，待受理'])
    await expect(lookup.locator('.e2e-timeline-note').first().innerText()).resolves.toBe('已受理，三个工作日内到园核查')
    await expect(lookup.locator('.e2e-complaint-deadline').innerText()).resolves.toContain('办结期限')
    await shot(lookup, '07-timeline-after-accept')
    await stranger.close()

    // The owner's 我的投诉 shows the new status too.
    await page.goto('/#/packages/complaint/pages/mine/index')
    await expect(page.locator(`.e2e-my-complaint[data-tracking-no="${trackingNo}"] .e2e-my-complaint-status`).innerText()).resolves.toBe('已受理')
    await shot(page, '08-my-complaints')
  })

  it('rates an institution after staff marked the parent’s visit attended', async () => {
    // Through the API: a child, a visit starting in a few seconds, a booking, attendance.
    const parent = await browserSession()
    const child = await addChild(server.baseUrl, parent, { nickname: '豆豆', birthDate: inShanghai().subtract(20, 'month').format('YYYY-MM-DD') })
    const staff = await demoSignIn({ demoAccount: `staff-${target.id}` })
    const startsAt = inShanghai().add(4, 'second')
    const slot = await api<{ id: string }>('POST', '/api/v1/staff/slots', staff, {
      kind: 'visit',
      startsAt: startsAt.format(),
      endsAt: startsAt.add(1, 'hour').format(),
      capacity: 2,
      requiresConfirmation: false,
    })
    const booking = await api<{ id: string; status: string }>(
      'POST',
      '/api/v1/bookings',
      parent,
      { slotId: slot.id, childId: child.id, contactName: '豆豆妈妈', contactPhone: PHONE },
      { 'idempotency-key': crypto.randomUUID() },
    )
    if (booking.status === 'pending') await api('POST', `/api/v1/staff/bookings/${booking.id}/confirm`, staff)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.valueOf() - Date.now()) + 500))
    await api('POST', `/api/v1/staff/bookings/${booking.id}/attend`, staff)

    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    await page.locator('.e2e-public-record .e2e-write-review').click()
    await page.locator('.e2e-review-form').waitFor()
    await page.locator('.e2e-submit-review').click()
    await expect(page.locator('.e2e-review-form .e2e-field-error').innerText()).resolves.toContain('打分')
    const stars: Record<string, number> = { safety: 5, hygiene: 4, care: 5, food: 3, communication: 4, value: 4 }
    for (const [dimension, score] of Object.entries(stars)) {
      await page.locator(`.e2e-score-${dimension} .e2e-star[data-score="${score}"]`).click()
    }
    await page.locator('.e2e-review-text textarea').fill('老师很耐心，环境干净，午饭可以再改进。')
    await shot(page, '09-review-form')
    await page.locator('.e2e-submit-review').click()

    await page.locator('.e2e-review-list .e2e-review').waitFor()
    await expect(page.locator('.e2e-review .e2e-reviewer').innerText()).resolves.toBe('豆**')
    await expect(page.locator('.e2e-review-count').innerText()).resolves.toBe('1 位家长评价')
    const reviews = await getJson<ReviewPage>(server.baseUrl, `/api/v1/institutions/${encodeURIComponent(target.id)}/reviews`)
    expect(reviews.items).toHaveLength(1)
    expect(reviews.items[0].scores).toEqual(stars)
    await shot(page, '10-reviews')

    // The institution page now counts the complaint (by outcome) and the rating.
    // Back to the institution page (still in the page stack): the record refreshes on show.
    await page.goBack()
    await page.locator('.e2e-public-record .e2e-reviews-brief', { hasText: '1 人' }).waitFor({ timeout: 10_000 })
    await expect(page.locator('.e2e-public-record .e2e-complaint-stats').innerText()).resolves.toContain('投诉 1 件')
    await page.locator('.e2e-public-record').scrollIntoViewIfNeeded()
    await shot(page, '11-public-record-after')
  })
})
