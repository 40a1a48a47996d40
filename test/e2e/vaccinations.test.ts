import { Browser, BrowserContext, Page } from 'playwright-core'
import { Article, Today } from '@domain/content'
import { inShanghai } from '@domain/shanghaiTime'
import { getJson } from './support/api'
import { screenshot } from './support/screenshots'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { RunningServer } from './support/serverProcess'

/*
 * 本月该打的疫苗 in the H5 build: a child born 1 month ago and one born 30 months ago each
 * see the doses of their month from the dated schedule in content/, with the documents
 * that apply to their birth date named; the vaccination article shows the table from the
 * same data. Expected doses and names are read from the API, never written here.
 */

jest.setTimeout(120_000)

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
let shots: string
let session: AppSession | undefined

beforeAll(async () => {
  session = await startAppSession('vaccinations')
  ;({ server, browser, context, page, shots } = session)
}, 120_000)

afterAll(() => stopAppSession(session, 'vaccinations'), 30_000)

async function shot(name: string): Promise<string> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await page.waitForTimeout(300)
  return screenshot(page, name, shots)
}

/** Enters a birth date on the 生命1000天 home and waits for the server's answer. */
async function enterBirthDate(birthDate: string): Promise<void> {
  await page.locator('.e2e-date-kind-birthDate').click()
  await page.locator('input.e2e-family-date').fill(birthDate)
  const [answer] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/content/today'),
    page.locator('.e2e-save-family-date').click(),
  ])
  expect(answer.status()).toBe(200)
  await page.locator('.e2e-vaccines-month').waitFor()
}

async function expectCardAsApiSays(birthDate: string): Promise<Today> {
  const today = await getJson<Today>(server.baseUrl, `/api/v1/content/today?birthDate=${birthDate}`)
  const vaccinations = today.vaccinations!
  const doses = await page.locator('.e2e-vaccines-month .e2e-vaccine-dose').allInnerTexts()
  expect(doses).toHaveLength(vaccinations.doses.length)
  vaccinations.doses.forEach((dose, i) => expect(doses[i]).toContain(`${dose.vaccine}第${dose.dose}剂`))
  const documents = (await page.locator('.e2e-vaccines-month .e2e-vaccine-document').allInnerTexts()).map((t) => t.trim())
  expect(documents).toEqual(vaccinations.documents.map((d) => `${d.appliesTo}：${d.name}`))
  return today
}

describe('本月该打的疫苗 on the 生命1000天 home', () => {
  it('shows a baby born 1 month ago its 1-month dose, and that its 百白破 doses follow the 2025 notice', async () => {
    const birthDate = inShanghai().subtract(1, 'month').format('YYYY-MM-DD')
    await page.goto('/#/packages/content/pages/home/index')
    await page.locator('.e2e-date-entry').waitFor()
    await enterBirthDate(birthDate)
    const today = await expectCardAsApiSays(birthDate)
    expect(today.vaccinations!.doses.map((d) => d.vaccine)).toEqual(['乙肝疫苗'])
    await expect(page.locator('.e2e-vaccines-month').innerText()).resolves.toContain(
      '百白破疫苗第1–5剂：国家疾控局《关于国家免疫规划百白破疫苗和白破疫苗免疫程序调整相关工作的通知》',
    )
    await expect(page.locator('.e2e-vaccine-next').innerText()).resolves.toContain('百白破疫苗第1剂、脊灰灭活疫苗第1剂')
    await shot('01-born-1-month-ago')
  })

  it('shows a child born 30 months ago that this month has no dose, what comes next and the documents its doses followed', async () => {
    const birthDate = inShanghai().subtract(30, 'month').format('YYYY-MM-DD')
    await page.locator('.e2e-edit-family-date').click()
    await page.locator('.e2e-date-entry').waitFor()
    await enterBirthDate(birthDate)
    const today = await expectCardAsApiSays(birthDate)
    expect(today.vaccinations!.doses).toEqual([])
    await page.locator('.e2e-vaccines-none').waitFor()
    await expect(page.locator('.e2e-vaccine-next').innerText()).resolves.toContain('A群C群流脑多糖疫苗第1剂')
    const text = await page.locator('.e2e-vaccines-month').innerText()
    expect(text).toContain('国家卫生健康委《国家免疫规划疫苗儿童免疫程序及说明（2021年版）》')
    expect(text).toContain('国家疾控局《关于国家免疫规划百白破疫苗和白破疫苗免疫程序调整相关工作的通知》')
    await shot('02-born-30-months-ago')
  })

  it('shows the schedule table in the vaccination article from the same data, with both documents and who follows which', async () => {
    const article = await getJson<Article>(server.baseUrl, '/api/v1/content/articles/infant-0-6-vaccine-schedule')
    await page.goto('/#/packages/content/pages/article/index?id=infant-0-6-vaccine-schedule')
    await page.locator('.e2e-article[data-article-id="infant-0-6-vaccine-schedule"]').waitFor()
    const body = await page.locator('.e2e-article-body').innerText()
    expect(await page.locator('.e2e-article-body > *').count()).toBe(article.blocks.length)
    expect(body).toContain('2个月：脊灰灭活疫苗第1剂（打针）；百白破疫苗第1剂')
    expect(body).toContain('哪个程序适用于你的孩子')
    expect(body).toContain('2024年10月1日及以后出生的孩子')
    expect(body).toContain('国家疾控局《关于国家免疫规划百白破疫苗和白破疫苗免疫程序调整相关工作的通知》')
    await shot('03-vaccine-article')
  })
})
