import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadContentLibrary } from '@server/features/content/library/contentLibrary'
import { repoPath } from '@test/support/repoPaths'

const GOOD = repoPath('test', 'fixtures', 'content', 'good')

const ARTICLE = `---
id: fixture-vaccines
title: 1～6个月要打的疫苗
stage: infant_0_6
topic: vaccination
ageMonths: [1, 6]
summary: 测试用文章：程序表从数据生成。
sources:
  - org: 国家卫生健康委
    title: 国家免疫规划疫苗儿童免疫程序及说明（2021年版）
  - org: 国家疾控局
    title: 关于国家免疫规划百白破疫苗和白破疫苗免疫程序调整相关工作的通知
reviews:
  - on: 2026-11-29
    by: 测试
    against: [nip-schedule-2021, nip-dtp-adjustment-2024]
---
## 按月龄看一看

{{schedule immunisation 1-6}}
`

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'content-tables-'))
  await cp(GOOD, folder, { recursive: true })
  await writeFile(path.join(folder, 'articles', 'infant_0_6', 'fixture-vaccines.md'), ARTICLE)
})
afterEach(() => rm(folder, { recursive: true, force: true }))

async function articleText(): Promise<string[]> {
  const library = await loadContentLibrary(folder)
  expect(library.problems).toEqual([])
  const article = library.articles.find((a) => a.id === 'fixture-vaccines')!
  return article.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => i.map((p) => p.text).join('')) : [b.parts.map((p) => p.text).join('')]))
}

describe('dated tables rendered into articles', () => {
  it('shows the current schedule, the one before the change, who follows which, and both documents', async () => {
    const lines = await articleText()
    expect(lines).toContain('2个月：脊灰灭活疫苗第1剂（打针）；百白破疫苗第1剂')
    expect(lines).toContain('5个月：百白破疫苗第3剂')
    expect(lines.join('\n')).toContain('2024年10月1日及以后出生的孩子，百白破疫苗每一剂都按新程序')
    expect(lines.join('\n')).toContain('依据：国家卫生健康委《国家免疫规划疫苗儿童免疫程序及说明（2021年版）》；国家疾控局《关于国家免疫规划百白破疫苗和白破疫苗免疫程序调整相关工作的通知》')
  })

  it('changes the article when the table changes: one edit updates every place', async () => {
    const file = path.join(folder, 'schedules', 'immunisation.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('{ series: hepb, dose: 2, ageMonths: 1, vaccine: 乙肝疫苗 }', '{ series: hepb, dose: 2, ageMonths: 2, vaccine: 乙肝疫苗 }'))
    const lines = await articleText()
    expect(lines.some((l) => l.startsWith('1个月：'))).toBe(false)
    expect(lines).toContain('2个月：乙肝疫苗第2剂；脊灰灭活疫苗第1剂（打针）；百白破疫苗第1剂')
  })

  it('reports a directive naming no table, with its file', async () => {
    const file = path.join(folder, 'articles', 'infant_0_6', 'fixture-vaccines.md')
    await writeFile(file, ARTICLE.replace('{{schedule immunisation 1-6}}', '{{schedule vaccines}}'))
    const library = await loadContentLibrary(folder)
    expect(library.problems).toEqual([{ file: 'articles/infant_0_6/fixture-vaccines.md', message: '没有名为 vaccines 的表格' }])
  })
})
