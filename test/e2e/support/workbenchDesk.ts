import { Browser, BrowserContext, Page } from 'playwright-core'
import { InstitutionSummary } from '@domain/institution'
import { TestSession } from '@test/support/session'
import { getJson, searchPage } from './api'
import { inputIn } from './appPage'

/*
 * What the workbench browser tests share: a 渝北区 demo institution that has demo staff,
 * a desktop page (the wide workbench), signing that page in with a 演示账号, and a parent
 * signed in on the phone the way the app asks.
 */

/** The first 渝北区 demo institution (cheapest first) with a demo staff account that `accepts` too. */
export async function staffedDemoInstitution(baseUrl: string, accepts: (i: InstitutionSummary) => boolean = () => true): Promise<InstitutionSummary> {
  const accounts = await getJson<{ items: { role: string; institutionId: string | null }[] }>(baseUrl, '/api/v1/auth/demo/accounts')
  const staffed = new Set(accounts.items.filter((a) => a.role === 'institution_staff').map((a) => a.institutionId))
  let cursor: string | null = null
  do {
    const list = await searchPage(baseUrl, `/api/v1/institutions?district=${encodeURIComponent('渝北区')}&sort=fee&limit=50${cursor ? `&cursor=${cursor}` : ''}`)
    const inst = list.items.find((i) => staffed.has(i.id) && accepts(i))
    if (inst) return inst
    cursor = list.nextCursor
  } while (cursor)
  throw new Error('no staffed demo institution in 渝北区')
}

/** A desktop browser page at 1440×900, as staff and regulators use the workbench on a PC. */
export async function openDesktop(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  return { context, page: await context.newPage() }
}

/** Signs the desktop page in as a demo account from the workbench's demo screen (signed out first). */
export async function deskSignInAs(desk: Page, key: string): Promise<void> {
  await desk.goto('/#/pages/me/index')
  await desk.evaluate(() => localStorage.removeItem('anxin.session'))
  await desk.goto('/#/packages/workbench/pages/home/index')
  await desk.reload()
  await desk.locator(`.e2e-demo-account[data-key="${key}"]`).click()
  await desk.locator('.e2e-workbench-roles .workbench-tag').first().waitFor()
}

/** The parent signs in on the phone as the app asks (nickname, sign-in, privacy guide); their session for API calls. */
export async function signInParentOnPhone(page: Page, nickname: string): Promise<TestSession> {
  await page.goto('/#/pages/me/index')
  await inputIn(page, '.e2e-nickname-input').fill(nickname)
  await page.locator('.e2e-sign-in').click()
  await page.locator('.e2e-privacy-agree').click()
  await page.locator('.e2e-my-complaints-link').waitFor()
  const raw = await page.evaluate(() => localStorage.getItem('anxin.session'))
  const stored = JSON.parse(raw!) as { data?: unknown }
  const value = (stored && typeof stored === 'object' && 'data' in stored ? stored.data : stored) as { token: string; user: { id: string } }
  return { token: value.token, userId: value.user.id, headers: { authorization: `Bearer ${value.token}` } }
}
