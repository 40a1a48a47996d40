import { FEE_TERMS_HEADER, FILING_HEADER } from '@server/features/find/filingImport/filingColumns'
import { importFilingList } from '@server/features/find/filingImport/importCli'
import { openTestApp, TestApp } from '@test/support/app'
import { requestJson } from '@test/support/session'

/* The filing import may carry 收费与退费约定 in six optional columns: all or none. */

const header = [...FILING_HEADER, ...FEE_TERMS_HEADER].join(',')
const row = (filingNo: string, terms: string) =>
  `${filingNo},（测试数据）甲托育园,托育机构,500112,龙溪街道,重庆市渝北区龙溪街道1号,29.6,106.5,2024-01-01,重庆市渝北区卫生健康委员会,已备案,是,,12,36,,15,,10,2800,,,,周一至周五,07:30,18:00,023-0000-0001,,${terms}`

describe('fee terms in the filing import', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite')
  })
  afterAll(async () => {
    await t.close()
  })

  it('stores the terms a row carries, shows the prepayment warning, and refuses a row with only some of them', async () => {
    const csv = [header, row('渝北测001', '300,200,1000,6,30,提前30天告知，未开始的月份全额退还'), row('渝北测002', '300,,,,,'), row('渝北测003', ',,,,,')].join('\n')
    const { result, changes } = await importFilingList(t.db, Buffer.from(csv), { dryRun: false, today: '2026-11-29' })
    expect(result.rejected).toEqual([{ line: 3, reason: '收费与退费约定要么六项都填，要么都不填；缺少：报名费（元）、押金（元）、预收月数、退托提前告知天数、退费办法' }])
    expect(changes).toMatchObject({ inserted: 2 })
    const [withTerms, without] = result.accepted
    const answer = await requestJson(t.app, 'GET', `/api/v1/institutions/${withTerms.id}/fee-terms`)
    expect((answer.body as { terms: unknown }).terms).toMatchObject({
      mealsFenPerMonth: 30_000,
      registrationFen: 20_000,
      depositFen: 100_000,
      prepayMonths: 6,
      noticeDays: 30,
      warning: { title: '这家机构一次预收 6 个月费用' },
    })
    expect((await requestJson(t.app, 'GET', `/api/v1/institutions/${without.id}/fee-terms`)).body).toEqual({ terms: null })
  })
})
