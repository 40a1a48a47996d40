import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { TodaySchema } from '@domain/content'
import { todayInShanghai } from '@domain/shanghaiTime'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson } from '@test/support/session'
import { repoPath } from '@test/support/repoPaths'

dayjs.extend(utc)

/** The real library: the vaccinations come from content/schedules/immunisation.md. */
const CONTENT = repoPath('content')

const monthsAgo = (months: number) => dayjs.utc(todayInShanghai()).subtract(months, 'month').format('YYYY-MM-DD')

describe.each(TEST_BACKENDS)('本月该打的疫苗 on GET /content/today on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend, { content: CONTENT })
  })
  afterAll(async () => {
    await t.close()
  })

  async function today(query: string) {
    const answer = await requestJson(t.app, 'GET', `/api/v1/content/today?${query}`)
    expect(answer.status).toBe(200)
    return TodaySchema.parse(answer.body)
  }

  it('gives a baby born 1 month ago the 1-month dose and names the 2025 百白破 notice for its 百白破 doses', async () => {
    const { vaccinations } = await today(`birthDate=${monthsAgo(1)}`)
    expect(vaccinations).not.toBeNull()
    expect(vaccinations!.ageMonths).toBe(1)
    expect(vaccinations!.doses.map((d) => `${d.vaccine}第${d.dose}剂`)).toEqual(['乙肝疫苗第2剂'])
    // at 2 months two doses fall due together: both are named, not only the first
    expect(vaccinations!.next.map((d) => [d.vaccine, d.dose, d.ageMonths])).toEqual([
      ['百白破疫苗', 1, 2],
      ['脊灰灭活疫苗', 1, 2],
    ])
    const notice = vaccinations!.documents.find((d) => d.id === 'nip-dtp-adjustment-2024')!
    expect(notice.name).toBe('国家疾控局《关于国家免疫规划百白破疫苗和白破疫苗免疫程序调整相关工作的通知》')
    expect(notice.appliesTo).toBe('百白破疫苗第1–5剂')
    expect(vaccinations!.documents.find((d) => d.id === 'nip-schedule-2021')!.appliesTo).toBe('其余疫苗')
    expect(vaccinations!.transition).toBeNull()
  })

  it('tells a child born 30 months ago that this month has no dose, what comes next, and which table each 百白破 dose followed', async () => {
    const birthDate = monthsAgo(30)
    const { vaccinations } = await today(`birthDate=${birthDate}`)
    expect(vaccinations!.ageMonths).toBe(30)
    expect(vaccinations!.doses).toEqual([])
    expect(vaccinations!.next.map((d) => [d.vaccine, d.dose, d.ageMonths])).toEqual([['A群C群流脑多糖疫苗', 1, 36]])
    // each 百白破 dose is named under the document in force on its due day (the change was 2025-01-01)
    const dueBefore = [1, 2, 3, 4, 5].filter((n) => dayjs.utc(birthDate).add([3, 4, 5, 18, 72][n - 1], 'month').format('YYYY-MM-DD') < '2025-01-01')
    const appliesTo = Object.fromEntries(vaccinations!.documents.map((d) => [d.id, d.appliesTo]))
    expect(appliesTo['nip-dtp-adjustment-2024']).toMatch(/^百白破疫苗第\d(–5)?剂$/)
    if (dueBefore.length > 0) {
      // today that is a child born in 2024: doses 1–3 in 2024 under the 2021 table, 4–5 under the notice
      expect(appliesTo['nip-schedule-2021']).toBe(`百白破疫苗第1${dueBefore.length > 1 ? `–${dueBefore.length}` : ''}剂、其余疫苗`)
      expect(vaccinations!.transition).toContain('实施技术方案')
    } else {
      expect(appliesTo['nip-schedule-2021']).toBe('其余疫苗')
    }
  })

  it('has no vaccinations before birth', async () => {
    const due = dayjs.utc(todayInShanghai()).add(60, 'day').format('YYYY-MM-DD')
    expect((await today(`dueDate=${due}`)).vaccinations).toBeNull()
  })
})
