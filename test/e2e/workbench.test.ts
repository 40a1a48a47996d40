import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { Browser, BrowserContext, Page } from 'playwright-core'
import { inShanghai } from '@domain/shanghaiTime'
import { addChild, requestJson, TestSession } from '@test/support/session'
import { searchPage } from './support/api'
import { inputIn } from './support/appPage'
import { deskSignInAs, openDesktop, signInParentOnPhone, staffedDemoInstitution } from './support/workbenchDesk'
import { REPO_ROOT } from './support/paths'
import { screenshot } from './support/screenshots'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { RunningServer, startServer } from './support/serverProcess'

/*
 * 工作台 end to end (issue 9), in the H5 build: the parent on a phone-sized page, staff
 * and regulators on a wide desktop page, each signed in the way they would be — a demo
 * parent, 演示账号 for the demo's staff, invitations from `npm run admin`, and 扫码登录.
 */

jest.setTimeout(180_000)

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
let desktopContext: BrowserContext
let desk: Page
let shots: string
let appSession: AppSession | undefined
let parent: TestSession

const PHONE = '13912348888'

async function shot(on: Page, name: string): Promise<void> {
  await on.waitForTimeout(300)
  await screenshot(on, name, shots)
}

async function api<T>(method: string, url: string, who: TestSession | null, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const answer = await requestJson(server.baseUrl, method, url, body, { ...(who?.headers ?? {}), ...headers })
  if (answer.status >= 300) throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body as T
}

function sessionFrom(body: { token: string; user: { id: string } }): TestSession {
  return { token: body.token, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } }
}

async function demoAccountSession(key: string): Promise<TestSession> {
  return sessionFrom(await api('POST', '/api/v1/auth/demo', null, { demoAccount: key }))
}

beforeAll(async () => {
  appSession = await startAppSession('workbench')
  ;({ server, browser, context, page, shots } = appSession)
  ;({ context: desktopContext, page: desk } = await openDesktop(browser, server.baseUrl))
  // The parent signs in on the phone the way the app asks: nickname, sign-in, privacy guide.
  parent = await signInParentOnPhone(page, '豆豆妈妈')
}, 180_000)

afterAll(async () => {
  await desktopContext?.close()
  await stopAppSession(appSession, 'workbench')
}, 30_000)

describe('the workbench in the H5 app', () => {
  let target: { id: string; districtCode: string }

  it('staff confirm a trial booking in the workbench and the parent sees 已确认', async () => {
    target = await staffedDemoInstitution(server.baseUrl, (i) => i.ageRange.minMonths <= 18 && i.ageRange.maxMonths >= 24)
    const staff = await demoAccountSession(`staff-${target.id}`)
    const child = await addChild(server.baseUrl, parent, { nickname: '豆豆', birthDate: inShanghai().subtract(20, 'month').format('YYYY-MM-DD') })
    const startsAt = inShanghai().add(3, 'day').hour(9).minute(0).second(0)
    const slot = await api<{ id: string }>('POST', '/api/v1/staff/slots', staff, {
      kind: 'trial', startsAt: startsAt.format(), endsAt: startsAt.add(2, 'hour').format(), capacity: 3, requiresConfirmation: true,
    })
    const booking = await api<{ id: string; code: string; status: string }>(
      'POST', '/api/v1/bookings', parent, { slotId: slot.id, childId: child.id, contactName: '豆豆妈妈', contactPhone: PHONE },
      { 'idempotency-key': crypto.randomUUID() },
    )
    expect(booking.status).toBe('pending')

    await deskSignInAs(desk, `staff-${target.id}`)
    await shot(desk, '01-workbench-home-staff')
    await desk.locator('.e2e-section-bookings').click()
    const card = desk.locator(`.e2e-staff-booking[data-code="${booking.code}"]`)
    await expect(card.locator('.e2e-staff-booking-status').innerText()).resolves.toBe('待机构确认')
    // Staff see the phone masked.
    await expect(card.innerText()).resolves.not.toContain(PHONE)
    await shot(desk, '02-pending-bookings')
    await card.locator('.e2e-booking-confirm').click()
    await card.locator('.e2e-staff-booking-status', { hasText: '已确认' }).waitFor()

    await page.goto('/#/packages/booking/pages/mine/index')
    const mine = page.locator('.e2e-my-booking', { hasText: booking.code })
    await expect(mine.locator('.e2e-my-booking-status').innerText()).resolves.toBe('已确认')

    // A second request is declined with a reason, which the parent reads on the booking.
    const second = await addChild(server.baseUrl, parent, { nickname: '乐乐', birthDate: inShanghai().subtract(22, 'month').format('YYYY-MM-DD') })
    const declined = await api<{ id: string; code: string }>(
      'POST', '/api/v1/bookings', parent, { slotId: slot.id, childId: second.id, contactName: '豆豆妈妈', contactPhone: PHONE },
      { 'idempotency-key': crypto.randomUUID() },
    )
    await desk.reload()
    const pending = desk.locator(`.e2e-staff-booking[data-code="${declined.code}"]`)
    await inputIn(desk, `.e2e-staff-booking[data-code="${declined.code}"] .e2e-decline-reason`).fill('当天名额已满，欢迎预约下周')
    await pending.locator('.e2e-booking-decline').click()
    await pending.locator('.e2e-staff-booking-status', { hasText: '机构未通过' }).waitFor()
    await page.goto(`/#/packages/booking/pages/detail/index?id=${encodeURIComponent(declined.id)}`)
    await expect(page.locator('.e2e-booking-decline-reason').innerText()).resolves.toBe('机构说明：当天名额已满，欢迎预约下周')
  })

  it('staff confirm vacancies and staffing, and the parent sees how fresh they are', async () => {
    await desk.goto('/#/packages/workbench/pages/facts/index')
    await desk.reload()
    await desk.locator('.e2e-vacancy-freshness').waitFor()
    // The one vacancy editor: per care mode × age band (its own browser test is workbenchFacts.test.ts).
    await inputIn(desk, '.e2e-facts-vacancy').fill('3')
    await inputIn(desk, '.e2e-facts-staff').fill('6')
    await inputIn(desk, '.e2e-facts-certified').fill('5')
    await desk.locator('.e2e-facts-save').click()
    await expect(desk.locator('.e2e-vacancy-freshness', { hasText: '空位信息今天更新' }).innerText()).resolves.toBe('空位信息今天更新')
    await shot(desk, '02b-facts')
    await page.goto(`/#/packages/institution/pages/detail/index?id=${encodeURIComponent(target.id)}`)
    await expect(page.locator('.e2e-detail-vacancy-freshness .fact__value').innerText()).resolves.toBe('空位信息今天更新')
    await expect(page.locator('.e2e-detail-staffing .fact__value').innerText()).resolves.toContain('持证 83%')
  })

  it('staff check the parent in by the code, mark attended, and the parent can now review', async () => {
    const staff = await demoAccountSession(`staff-${target.id}`)
    const children = await api<{ items: { id: string }[] } | { id: string }[]>('GET', '/api/v1/me/children', parent)
    const childId = (Array.isArray(children) ? children : children.items)[0].id
    const startsAt = inShanghai().add(4, 'second')
    const slot = await api<{ id: string }>('POST', '/api/v1/staff/slots', staff, {
      kind: 'visit', startsAt: startsAt.format(), endsAt: startsAt.add(1, 'hour').format(), capacity: 2, requiresConfirmation: false,
    })
    const booking = await api<{ id: string; code: string }>(
      'POST', '/api/v1/bookings', parent, { slotId: slot.id, childId, contactName: '豆豆妈妈', contactPhone: PHONE },
      { 'idempotency-key': crypto.randomUUID() },
    )
    const early = await requestJson(server.baseUrl, 'POST', `/api/v1/institutions/${target.id}/reviews`, { scores: { safety: 5, hygiene: 5, care: 5, food: 4, communication: 5, value: 4 } }, parent.headers)
    expect(early.status).toBe(403)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.valueOf() - Date.now()) + 500))

    await desk.goto('/#/packages/workbench/pages/bookings/index')
    await desk.reload()
    await inputIn(desk, '.e2e-checkin-code').fill(booking.code.toLowerCase())
    await desk.locator('.e2e-checkin').click()
    await desk.locator(`.e2e-staff-booking[data-code="${booking.code}"] .e2e-staff-booking-status`, { hasText: '已到场' }).waitFor()
    await shot(desk, '03-checked-in')

    const review = await requestJson(server.baseUrl, 'POST', `/api/v1/institutions/${target.id}/reviews`, { scores: { safety: 5, hygiene: 5, care: 5, food: 4, communication: 5, value: 4 } }, parent.headers)
    expect(review.status).toBe(201)
  })

  it('a regulator accepts and resolves a complaint in the workbench; the parent’s 马上查 timeline shows each step', async () => {
    const filed = await api<{ trackingNo: string }>('POST', '/api/v1/complaints', parent, {
      institutionId: target.id, category: 'food', description: '午餐的饭菜是冷的，孩子回家说肚子疼，老师没有告诉我们。',
      occurredAt: inShanghai().subtract(1, 'day').format(), anonymous: true, contactPhone: PHONE,
    })
    await deskSignInAs(desk, `regulator-${target.districtCode}`)
    await desk.locator('.e2e-section-complaints').click()
    const card = desk.locator(`.e2e-queue-complaint[data-tracking-no="${filed.trackingNo}"]`)
    await card.waitFor()
    await shot(desk, '04-complaint-queue')
    await inputIn(desk, `.e2e-queue-complaint[data-tracking-no="${filed.trackingNo}"] .e2e-complaint-text`).fill('已受理，三个工作日内到园核查')
    await card.locator('.e2e-complaint-accept').click()
    await card.locator('.e2e-queue-status', { hasText: '已受理' }).waitFor()
    await card.locator('.e2e-complaint-investigate').click()
    await card.locator('.e2e-queue-status', { hasText: '调查核实中' }).waitFor()
    await inputIn(desk, `.e2e-queue-complaint[data-tracking-no="${filed.trackingNo}"] .e2e-complaint-text`).fill('经核查属实，已责令机构整改午餐保温')
    await card.locator('.e2e-complaint-resolve').click()
    await card.locator('.e2e-queue-status', { hasText: '已办结' }).waitFor()
    await shot(desk, '05-complaint-resolved')

    await page.goto('/#/packages/complaint/pages/lookup/index')
    await inputIn(page, '.e2e-lookup-tracking-no').fill(filed.trackingNo)
    await inputIn(page, '.e2e-lookup-phone-last4').fill(PHONE.slice(-4))
    await page.locator('.e2e-lookup-submit').click()
    await page.locator('.e2e-complaint').waitFor()
    await expect(page.locator('.e2e-timeline-status').allInnerTexts()).resolves.toEqual(['已办结', '调查核实中', '已受理', '已提交，待受理'])
  })

  it('signs a desktop in by 扫码登录, the scan done by the signed-in phone session', async () => {
    const staff = await demoAccountSession(`staff-${target.id}`)
    await desk.goto('/#/pages/me/index')
    await desk.evaluate(() => localStorage.removeItem('anxin.session'))
    await desk.goto('/#/packages/workbench/pages/home/index')
    await desk.reload()
    const card = desk.locator('.e2e-desktop-sign-in')
    await card.locator('.e2e-desktop-qr').waitFor()
    await shot(desk, '06-desktop-qr')
    const ticketId = await card.getAttribute('data-ticket-id')
    expect(ticketId).toBeTruthy()
    await api('POST', `/api/v1/auth/desktop-tickets/${ticketId}/confirm`, staff)
    await desk.locator('.e2e-workbench-roles .workbench-tag').first().waitFor({ timeout: 15_000 })
    await expect(desk.locator('.e2e-section-bookings').count()).resolves.toBe(1)
    // The phone sees the desktop and ends it.
    const sessions = await api<{ items: { id: string }[] }>('GET', '/api/v1/me/desktop-sessions', staff)
    expect(sessions.items).toHaveLength(1)
    await api('POST', `/api/v1/me/desktop-sessions/${sessions.items[0].id}/end`, staff)
    await desk.locator('.e2e-section-bookings').click()
    await desk.locator('.e2e-sign-in-required, .error, .status--error').first().waitFor({ timeout: 15_000 }).catch(() => undefined)
    const token = await desk.evaluate(() => localStorage.getItem('anxin.session'))
    const after = await requestJson(server.baseUrl, 'GET', '/api/v1/staff/bookings', undefined, { authorization: `Bearer ${JSON.parse(token ?? '{}').data?.token ?? JSON.parse(token ?? '{}').token ?? 'x'}` })
    expect(after.status).toBe(401)
  })
})

describe('invitations from npm run admin down to staff, then a revocation', () => {
  it('runs npm run admin, and each invitee accepts the invitation in the workbench', async () => {
    // The embedded database admits one process at a time: seed it, stop, run the console
    // command on it as an operator would, start again.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-e2e-admin-'))
    try {
      const seeding = await startServer({ dataDir, env: { DEMO_LOGIN: '1' } })
      const yubei = (await searchPage(seeding.baseUrl, `/api/v1/institutions?district=${encodeURIComponent('渝北区')}&limit=1`)).items[0]
      // Its graceful exit is checked by the app session's server; here it only seeds.
      await seeding.stop()
      const { stdout } = await promisify(execFile)(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['server/features/accounts/adminCli.ts', 'invite-regulator', '--district', yubei.districtCode], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      })
      const code = /邀请码：([A-Z0-9-]+)/.exec(stdout)?.[1]
      expect(code).toBeTruthy()
      fs.writeFileSync(path.join(shots, '07-npm-run-admin.txt'), stdout)

      const running = await startServer({ dataDir, env: { DEMO_LOGIN: '1' } })
      const people: BrowserContext[] = []
      /** A new person on a wide page: signed in, then accepting `invitationCode` on the join page. */
      const join = async (invitationCode: string, name: string): Promise<Page> => {
        const ctx = await browser.newContext({ baseURL: running.baseUrl, viewport: { width: 1280, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
        people.push(ctx)
        const p = await ctx.newPage()
        await p.goto('/#/pages/me/index')
        await inputIn(p, '.e2e-nickname-input').fill(name)
        await p.locator('.e2e-sign-in').click()
        await p.locator('.e2e-privacy-agree').click()
        await p.goto(`/#/packages/workbench/pages/join/index?invite=${encodeURIComponent(invitationCode)}`)
        await p.locator('.e2e-accept-invitation').click()
        await p.locator('.e2e-join-ok').waitFor()
        await p.locator('.e2e-open-workbench').click()
        await p.locator('.e2e-workbench-roles .workbench-tag').first().waitFor()
        return p
      }
      try {
        const regulator = await join(code!, '王科长')
        await expect(regulator.locator('.e2e-workbench-roles').innerText()).resolves.toContain('区县监管人员')
        await shot(regulator, '08-regulator-home')
        await regulator.locator('.e2e-section-members').click()
        await inputIn(regulator, '.e2e-invite-institution').fill(yubei.id)
        await regulator.locator('.e2e-invite-admin').click()
        const adminCode = await regulator.locator('.e2e-new-invitation-code').innerText()
        await shot(regulator, '09-invitation-with-qr')

        const admin = await join(adminCode, '李园长')
        await expect(admin.locator('.e2e-workbench-roles').innerText()).resolves.toContain('机构管理员')
        await admin.locator('.e2e-section-members').click()
        await admin.locator('.e2e-invite-staff').click()
        const staffCode = await admin.locator('.e2e-new-invitation-code').innerText()

        const staff = await join(staffCode, '张老师')
        await expect(staff.locator('.e2e-workbench-roles').innerText()).resolves.toContain('机构工作人员')
        const staffToken = await staff.evaluate(() => localStorage.getItem('anxin.session'))
        const stored = JSON.parse(staffToken!) as { data?: { token: string }; token?: string }
        const staffHeaders = { authorization: `Bearer ${stored.data?.token ?? stored.token}` }
        expect((await requestJson(running.baseUrl, 'GET', '/api/v1/staff/bookings', undefined, staffHeaders)).status).toBe(200)

        // The admin removes the staff member; the very next request is refused.
        await admin.reload()
        const member = admin.locator('.e2e-member', { hasText: '张老师' })
        await member.locator('.e2e-member-revoke').click()
        await member.waitFor({ state: 'detached' })
        await shot(admin, '10-members-after-revocation')
        expect((await requestJson(running.baseUrl, 'GET', '/api/v1/staff/bookings', undefined, staffHeaders)).status).toBe(403)
      } finally {
        for (const ctx of people) await ctx.close()
        expect(await running.stop()).toBe(0)
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
