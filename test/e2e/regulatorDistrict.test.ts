import { BrowserContext, Page } from 'playwright-core'
import { InstitutionDetail } from '@domain/institution'
import { FILING_HEADER } from '@server/features/find/filingImport/filingColumns'
import { districtList, institutionDetail, searchPage } from './support/api'
import { cardNames, inputIn, nextSearch } from './support/appPage'
import { AppSession, startAppSession, stopAppSession } from './support/appSession'
import { screenshot } from './support/screenshots'

/*
 * The regulator's half of the district (issue 9) in the H5 build on a wide desktop page:
 * upload the district's filing list, read the dry run naming every refused row, apply
 * it, and see a withdrawn institution leave the parent's search; then the district at a
 * glance, where editing the population changes places per 1,000 residents.
 */

jest.setTimeout(240_000)

const YUBEI = { code: '500112', name: '渝北区' }
const NEW_NAME = '（测试数据）渝北区新备案样例托育园'

let session: AppSession
let desk: BrowserContext
let regulatorPage: Page

/** One CSV cell, always quoted: names and descriptions may hold commas and line breaks. */
const cell = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`
const yuan = (fen: number | undefined) => (fen === undefined ? '' : String(fen / 100))

/** A filing-list row (docs/filing-list-csv.md, FILING_HEADER order) with what the institution's public page shows. */
function filingRow(d: InstitutionDetail, override: Partial<Record<'number' | 'name' | 'district', string>> = {}): string {
  const places = (type: string) => d.classes.filter((c) => c.type === type).reduce((sum, c) => sum + c.capacity, 0) || ''
  const fee = (mode: string) => yuan(d.careModes.find((m) => m.mode === mode)?.fee)
  return [
    override.number ?? d.filing.number,
    override.name ?? d.name,
    d.kind,
    override.district ?? d.districtCode,
    d.street,
    d.address,
    d.location.lat,
    d.location.lng,
    d.filing.filedOn,
    d.filing.authority,
    d.filing.status,
    d.affordable ? '是' : '否',
    d.demonstrationLevel ?? '',
    d.ageRange.minMonths,
    d.ageRange.maxMonths,
    places('infant'),
    places('toddler'),
    places('preschool'),
    d.capacity - d.vacancies,
    fee('full_day'),
    fee('half_day'),
    fee('hourly'),
    fee('temporary'),
    d.hours.days,
    d.hours.opensAt,
    d.hours.closesAt,
    d.contactPhone,
    d.description,
  ]
    .map(cell)
    .join(',')
}

async function districtDetails(baseUrl: string): Promise<InstitutionDetail[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const page = await searchPage(baseUrl, `/api/v1/institutions?district=${encodeURIComponent(YUBEI.name)}&limit=50${cursor ? `&cursor=${cursor}` : ''}`)
    ids.push(...page.items.map((i) => i.id))
    cursor = page.nextCursor
  } while (cursor)
  const details: InstitutionDetail[] = []
  for (const id of ids) details.push(await institutionDetail(baseUrl, id))
  return details
}

async function shot(name: string): Promise<void> {
  await regulatorPage.waitForTimeout(300)
  await screenshot(regulatorPage, name, session.shots)
}

beforeAll(async () => {
  session = await startAppSession('regulatorDistrict')
  desk = await session.browser.newContext({ baseURL: session.server.baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  regulatorPage = await desk.newPage()
  // The district's named demo regulator, chosen on the workbench's demo screen.
  await regulatorPage.goto('/#/packages/workbench/pages/home/index')
  await regulatorPage.locator(`.e2e-demo-account[data-key="regulator-${YUBEI.code}"]`).click()
  await regulatorPage.locator('.e2e-workbench-roles .workbench-tag').first().waitFor()
}, 240_000)

afterAll(async () => {
  await desk?.close()
  await stopAppSession(session, 'regulatorDistrict')
}, 30_000)

describe('the regulator’s district in the H5 workbench', () => {
  it('uploads the filing list, reads the dry run naming each refused row, applies it, and the withdrawn institution leaves search', async () => {
    const details = await districtDetails(session.server.baseUrl)
    expect(details.length).toBeGreaterThan(3)
    const [withdrawn, renamed, ...rest] = details
    const rows = [
      FILING_HEADER.map(cell).join(','),
      filingRow(renamed, { name: `${renamed.name}（新址）` }),
      ...rest.map((d) => filingRow(d)),
      filingRow(rest[0], { number: 'E2E新备〔2026〕001号', name: NEW_NAME }),
      filingRow(rest[1], { number: 'E2E新备〔2026〕002号', name: '' }),
      filingRow(rest[2], { number: 'E2E新备〔2026〕003号', district: '110105' }),
    ]
    const lineOfNew = rows.length - 2
    const badLines = [rows.length - 1, rows.length]

    // Before: the parent finds the institution by name.
    const { page: phone } = session
    await phone.goto('/#/pages/find/index')
    const [before] = await Promise.all([nextSearch(phone, (q) => q.get('q') === withdrawn.name), inputIn(phone, '.e2e-search-input').fill(withdrawn.name)])
    expect((await searchPage(session.server.baseUrl, before.pathAndQuery)).items.map((i) => i.id)).toContain(withdrawn.id)

    // From the workbench's menu, where the regulator finds it.
    await regulatorPage.goto('/#/packages/workbench/pages/home/index')
    await regulatorPage.locator('.e2e-section-filingList').click()
    await regulatorPage.locator('input.e2e-filing-file').setInputFiles({ name: '渝北区备案名单.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) })
    await regulatorPage.locator('.e2e-filing-report').waitFor({ timeout: 60_000 })
    const refused = await regulatorPage.locator('.e2e-filing-refused-row').allInnerTexts()
    expect(refused).toEqual([expect.stringMatching(new RegExp(`^第 ${badLines[0]} 行：.*机构名称不能为空`)), expect.stringMatching(new RegExp(`^第 ${badLines[1]} 行：.*未知的区县“110105”`))])
    await expect(regulatorPage.locator('.e2e-filing-closed-row').allInnerTexts()).resolves.toEqual([`${withdrawn.name}（${withdrawn.filing.number}）`])
    await expect(regulatorPage.locator('.e2e-filing-added-row').allInnerTexts()).resolves.toEqual([`第 ${lineOfNew} 行 ${NEW_NAME}（E2E新备〔2026〕001号）`])
    await expect(regulatorPage.locator('.e2e-filing-changed-row').first().innerText()).resolves.toContain(`第 2 行 ${renamed.name}（新址）`)
    await expect(regulatorPage.locator('.e2e-filing-changed-row').first().innerText()).resolves.toContain('机构名称')
    await shot('filing-list-dry-run')

    // Still in search: the dry run wrote nothing.
    expect((await searchPage(session.server.baseUrl, before.pathAndQuery)).items.map((i) => i.id)).toContain(withdrawn.id)

    await regulatorPage.locator('.e2e-filing-apply').click()
    await expect(regulatorPage.locator('.e2e-filing-confirm-text').innerText()).resolves.toContain('撤销备案 1 家')
    await shot('filing-list-confirm')
    await regulatorPage.locator('.e2e-filing-confirm').click()
    await regulatorPage.locator('.e2e-filing-applied').waitFor({ timeout: 60_000 })
    await expect(regulatorPage.locator('.e2e-filing-summary').innerText()).resolves.toContain('已写入')
    await shot('filing-list-applied')

    // The parent's search no longer shows it (the search index reloads on the version bump).
    const gone = async () => !(await searchPage(session.server.baseUrl, before.pathAndQuery)).items.some((i) => i.id === withdrawn.id)
    for (let i = 0; i < 50 && !(await gone()); i++) await phone.waitForTimeout(200)
    expect(await gone()).toBe(true)
    // Searched afresh in a reloaded page (the app keeps answers it already has in memory).
    await phone.reload()
    await inputIn(phone, '.e2e-search-input').fill('')
    await Promise.all([nextSearch(phone, (q) => q.get('q') === withdrawn.name), inputIn(phone, '.e2e-search-input').fill(withdrawn.name)])
    await phone.waitForTimeout(500)
    expect(await cardNames(phone)).not.toContain(withdrawn.name)
    await screenshot(phone, 'parent-search-after-withdrawal', session.shots)
  })

  it('shows the district at a glance, and editing the population changes places per 1,000 residents', async () => {
    await regulatorPage.goto('/#/packages/workbench/pages/home/index')
    await regulatorPage.locator('.e2e-section-district').click()
    const perThousand = regulatorPage.locator('.e2e-glance-places_per_thousand .e2e-glance-value')
    await expect(perThousand.innerText()).resolves.toBe('未填写常住人口，无法计算')
    await expect(regulatorPage.locator('.e2e-glance-places_per_thousand').innerText()).resolves.toContain('区县公布：3.94')
    await regulatorPage.locator('.e2e-glance-affordable_share .e2e-glance-how').click()
    await expect(regulatorPage.locator('.e2e-glance-affordable_share .e2e-glance-method').innerText()).resolves.toContain('普惠机构的托位 ÷ 托位总数')
    await shot('district-glance')

    const capacity = (await districtList(session.server.baseUrl)).find((d) => d.code === YUBEI.code)!.capacity
    await inputIn(regulatorPage, '.e2e-plan-population').fill('2000000')
    await inputIn(regulatorPage, '.e2e-plan-populationSource').fill('测试：区统计公报')
    await inputIn(regulatorPage, '.e2e-plan-placesPerThousandTarget').fill('4.5')
    await regulatorPage.locator('.e2e-plan-save').click()
    const expected = (Math.round((capacity / 2_000_000) * 1000 * 100) / 100).toFixed(2)
    await regulatorPage.locator('.e2e-glance-places_per_thousand .e2e-glance-value', { hasText: expected }).waitFor({ timeout: 10_000 })
    await regulatorPage.locator('.e2e-glance-places_per_thousand .e2e-glance-how').click()
    await expect(regulatorPage.locator('.e2e-glance-places_per_thousand .e2e-glance-method').innerText()).resolves.toContain('2,000,000（测试：区统计公报）')
    await shot('district-glance-population-set')

    // A bad population is refused with the server's Chinese message, and the figure stays.
    await inputIn(regulatorPage, '.e2e-plan-population').fill('12')
    await regulatorPage.locator('.e2e-plan-save').click()
    await expect(regulatorPage.locator('.e2e-plan-error').innerText()).resolves.toContain('常住人口至少 1000 人')
    await expect(perThousand.innerText()).resolves.toBe(expected)
  })
})
