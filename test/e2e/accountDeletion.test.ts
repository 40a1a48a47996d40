import crypto from 'node:crypto'
import fs from 'node:fs'
import { Page } from 'playwright-core'
import { MyDataExport } from '@domain/accountExport'
import { PublicSlot } from '@domain/slotRules'
import { inShanghai } from '@domain/shanghaiTime'
import { demoRegulatorToken, getJson, searchPage } from './support/api'
import { inputIn } from './support/appPage'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { screenshot } from './support/screenshots'

/*
 * 注销账号 end to end in the H5 build (issue 11): a parent with a child, a booked open
 * day and a filed complaint downloads the copy of their data (个人信息副本), then
 * deletes the account from 我的. The copy held everything; afterwards the child and
 * the booking are gone, the place is free again, and the complaint is still in the
 * regulator's queue, anonymised.
 */

jest.setTimeout(120_000)

let session: AppSession | undefined
let page: Page
let base: string

beforeAll(async () => {
  session = await startAppSession('account-deletion')
  page = session.page
  base = session.server.baseUrl
}, 120_000)
afterAll(() => stopAppSession(session, 'account-deletion'), 30_000)

async function api(method: string, pathAndQuery: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(new URL(pathAndQuery, base), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'idempotency-key': crypto.randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

function tokenInApp(): Promise<string> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('anxin.session')
    const stored = raw ? (JSON.parse(raw) as { data?: unknown } | { token?: string }) : null
    const data = (stored && typeof stored === 'object' && 'data' in stored ? stored.data : stored) as { token?: string } | string
    return typeof data === 'string' ? (JSON.parse(data) as { token: string }).token : (data?.token ?? '')
  })
}

/** A demo open day in 渝北区 with places, at an institution taking 20-month-olds. */
async function openDay(): Promise<{ institutionId: string; districtCode: string; slot: PublicSlot }> {
  const list = await searchPage(base, `/api/v1/institutions?district=${encodeURIComponent('渝北区')}&limit=50`)
  for (const inst of list.items) {
    if (inst.ageRange.minMonths > 20 || inst.ageRange.maxMonths < 22) continue
    const slots = await getJson<{ items: PublicSlot[] }>(base, `/api/v1/institutions/${encodeURIComponent(inst.id)}/slots?kind=open_day`)
    const slot = slots.items.find((s) => s.remaining >= 1)
    if (slot) return { institutionId: inst.id, districtCode: inst.districtCode, slot }
  }
  throw new Error('no demo open day with places in 渝北区')
}

async function remaining(institutionId: string, slotId: string): Promise<number> {
  const slots = await getJson<{ items: PublicSlot[] }>(base, `/api/v1/institutions/${encodeURIComponent(institutionId)}/slots?kind=open_day`)
  return slots.items.find((s) => s.id === slotId)!.remaining
}

describe('注销账号 in the H5 app', () => {
  it('exports everything first, then deletes the account, frees the place and keeps the complaint anonymised', async () => {
    await page.goto('/#/pages/me/index')
    await inputIn(page, '.e2e-nickname-input').fill('要注销的妈妈')
    await page.locator('.e2e-sign-in').click()
    await page.locator('.e2e-privacy-agree').click()
    await page.locator('.e2e-account-data').waitFor()
    const token = await tokenInApp()

    // What the parent has: a child, a booked open day, a complaint.
    const target = await openDay()
    const child = await api('POST', '/api/v1/me/children', token, {
      nickname: '团团',
      birthDate: inShanghai().subtract(20, 'month').format('YYYY-MM-DD'),
      guardianConsent: true,
    })
    expect(child.status).toBe(201)
    const before = await remaining(target.institutionId, target.slot.id)
    const booking = await api('POST', '/api/v1/bookings', token, { slotId: target.slot.id, childId: child.body.id, contactName: '团团妈妈', contactPhone: '13800138111' })
    expect(booking.status).toBe(201)
    expect(await remaining(target.institutionId, target.slot.id)).toBe(before - 1)
    const complaint = await api('POST', '/api/v1/complaints', token, {
      institutionId: target.institutionId,
      category: 'safety',
      description: '接孩子时发现教室的窗户没有安全锁，老师说一直这样。',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      anonymous: false,
      contactPhone: '13800138111',
    })
    expect(complaint.status).toBe(201)

    // 个人信息副本: a JSON file holding all of it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.e2e-export-data').click()])
    expect(download.suggestedFilename()).toMatch(/^anxin-my-data-\d{4}-\d{2}-\d{2}\.json$/)
    const copy = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as MyDataExport
    expect(copy.children.map((c) => c.nickname)).toEqual(['团团'])
    expect(copy.bookings.map((b) => (b.type === 'booking' ? b.booking.id : null))).toContain(booking.body.id)
    expect(copy.complaints.map((c) => c.trackingNo)).toEqual([complaint.body.trackingNo])
    await page.locator('.e2e-account-data-message', { hasText: '已导出' }).waitFor()

    // 注销: says what happens, needs the typed words.
    await page.locator('.e2e-delete-account').click()
    await expect(page.locator('.e2e-delete-confirm').innerText()).resolves.toMatch(/释放名额[\s\S]*匿名保留给监管部门/)
    await inputIn(page, '.e2e-delete-confirm-input').fill('注销账号')
    await screenshot(page, '01-delete-confirm', session!.shots)
    await page.locator('.e2e-delete-confirm-button').click()
    await page.locator('.e2e-sign-in').waitFor()
    await screenshot(page, '02-signed-out', session!.shots)

    // Gone: the session, the child, the booking; the place is free again.
    expect((await api('GET', '/api/v1/me', token)).status).toBe(401)
    expect(await remaining(target.institutionId, target.slot.id)).toBe(before)
    // The complaint stays in the regulator's queue, without the parent.
    const regulator = await demoRegulatorToken(base, target.districtCode)
    const queued = await api('GET', `/api/v1/staff/complaints/${complaint.body.trackingNo}`, regulator)
    expect(queued.status).toBe(200)
    expect(JSON.stringify(queued.body)).not.toContain('要注销的妈妈')
    expect(JSON.stringify(queued.body)).not.toContain('13800138111')
  })
})
