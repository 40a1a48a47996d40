import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { InstitutionRecordSchema } from '@domain/institutionRecord'
import { SEED_DISTRICTS, toDistrictRecord } from '@server/features/find/districtCatalog'
import { FilingCsvError, idForFilingNumber, parseFilingCsv } from '@server/features/find/filingImport/filingCsv'
import { FILING_HEADER } from '@server/features/find/filingImport/filingColumns'
import { repoPath } from '@test/support/repoPaths'

const FIXTURES = repoPath('test', 'fixtures', 'filing-lists')
const options = { districts: SEED_DISTRICTS.map(toDistrictRecord), today: '2026-11-23' }
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name))

describe('parseFilingCsv', () => {
  it('accepts every row of a well-formed UTF-8 list, with fees in fen and dates normalised', () => {
    const result = parseFilingCsv(read('yubei-sample.csv'), options)
    expect(result.encoding).toBe('utf-8')
    expect(result.rejected).toEqual([])
    expect(result.accepted).toHaveLength(3)
    for (const record of result.accepted) expect(InstitutionRecordSchema.safeParse(record).success).toBe(true)
    const [centre, kindergarten, community] = result.accepted
    expect(centre.careModes).toEqual([
      { mode: 'full_day', fee: 280_000, unit: 'per_month' },
      { mode: 'half_day', fee: 160_000, unit: 'per_month' },
      { mode: 'hourly', fee: 4_500, unit: 'per_hour' },
      { mode: 'temporary', fee: 18_000, unit: 'per_day' },
    ])
    expect(centre.capacity).toBe(45)
    expect(centre.classes.reduce((sum, c) => sum + c.enrolled, 0)).toBe(38)
    expect(centre.demonstrationLevel).toBe('district')
    expect(centre.isDemo).toBe(false)
    // district given by name, Excel-style date and time, a fee with 角/分
    expect(kindergarten.districtCode).toBe('500112')
    expect(kindergarten.filing.filedOn).toBe('2023-09-01')
    expect(kindergarten.hours.opensAt).toBe('07:50')
    expect(kindergarten.careModes).toEqual([{ mode: 'full_day', fee: 420_050, unit: 'per_month' }])
    expect(kindergarten.affordable).toBe(false)
    // a quoted cell with a comma-free quote inside survives
    expect(community.description).toBe('社区嵌入式托育，含"计时托"')
    expect(community.careModes.map((m) => m.mode)).toEqual(['half_day', 'hourly'])
  })

  it('derives the id from the filing number, so it is the same on every import', () => {
    const first = parseFilingCsv(read('yubei-sample.csv'), options).accepted
    const second = parseFilingCsv(read('yubei-sample.csv'), options).accepted
    expect(first.map((r) => r.id)).toEqual(second.map((r) => r.id))
    expect(first[0].id).toBe(idForFilingNumber('测试备〔2024〕001号'))
    expect(new Set(first.map((r) => r.id)).size).toBe(3)
  })

  it('reads a GBK file as Excel in China saves it', () => {
    const gbk = iconv.encode(read('yubei-sample.csv').toString('utf8'), 'gbk')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow()
    const result = parseFilingCsv(gbk, options)
    expect(result.encoding).toBe('gbk')
    expect(result.rejected).toEqual([])
    expect(result.accepted.map((r) => r.name)).toEqual(parseFilingCsv(read('yubei-sample.csv'), options).accepted.map((r) => r.name))
  })

  it('reads a UTF-8 file with a byte-order mark and half-width brackets in the header', () => {
    const text = read('yubei-sample.csv').toString('utf8').replace(/（/g, '(').replace(/）/, ')')
    const result = parseFilingCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), options)
    expect(result.rejected).toEqual([])
    expect(result.accepted).toHaveLength(3)
  })

  describe('a list with bad rows', () => {
    const result = parseFilingCsv(read('with-errors.csv'), options)
    const reasonOn = (line: number) => result.rejected.find((r) => r.line === line)?.reason

    it('keeps the good rows', () => {
      expect(result.accepted.map((r) => r.filing.number)).toEqual(['错误备001', '错误备013'])
    })

    it('rejects every bad row with its line number and a reason in Chinese', () => {
      expect(result.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
      expect(reasonOn(3)).toContain('未知的区县“110105”')
      expect(reasonOn(4)).toContain('不在中国境内')
      expect(reasonOn(5)).toContain('全日托收费（元/月）应填写金额')
      expect(reasonOn(6)).toContain('备案日期不是有效日期')
      expect(reasonOn(7)).toContain('最大月龄不能大于 36')
      expect(reasonOn(8)).toContain('在托人数 40 超过托位总数 35')
      expect(reasonOn(9)).toContain('与第 2 行重复')
      expect(reasonOn(10)).toContain('机构名称不能为空')
      expect(reasonOn(11)).toContain('这一行有 4 列')
      expect(reasonOn(12)).toContain('机构类型只能是')
      expect(reasonOn(13)).toContain('至少要填写一种托育方式的收费')
    })
  })

  it('names the line a row ends on when a quoted cell spans lines or blank lines come between rows', () => {
    const header = FILING_HEADER.join(',')
    const row = (number: string, name: string, description: string) =>
      `${number},${name},托育机构,500112,龙溪街道,重庆市渝北区龙溪街道1号,29.6,106.5,2024-01-01,重庆市渝北区卫生健康委员会,已备案,是,,12,36,,15,,10,2800,,,,周一至周五,07:30,18:00,023-0000-0001,${description}`
    const text = [header, row('行号备001', '（测试数据）甲', '"第一行\n第二行"'), '', row('行号备002', '', ''), row('行号备003', '（测试数据）丙', '')].join('\r\n')
    const result = parseFilingCsv(Buffer.from(text), options)
    expect(result.accepted.map((r) => r.description)).toEqual(['第一行\n第二行', ''])
    expect(result.lineOfFilingNumber.get('行号备001')).toBe(3)
    expect(result.rejected).toEqual([{ line: 5, reason: expect.stringContaining('机构名称不能为空') }])
    expect(result.lineOfFilingNumber.get('行号备003')).toBe(6)
  })

  it('refuses a file whose quotes do not pair up, naming where', () => {
    const header = FILING_HEADER.join(',')
    expect(() => parseFilingCsv(Buffer.from(`${header}\n测试,"未闭合,托育机构\n`), options)).toThrow(/引号没有成对/)
  })

  it('refuses a filing date in the future and coordinates far from the named district', () => {
    const header = FILING_HEADER.join(',')
    const row = (filedOn: string, lat: string, lng: string) =>
      `未来备001,（测试数据）甲托育园,托育机构,500112,龙溪街道,重庆市渝北区龙溪街道1号,${lat},${lng},${filedOn},重庆市渝北区卫生健康委员会,已备案,是,,12,36,,15,,10,2800,,,,周一至周五,07:30,18:00,023-0000-0001,`
    const future = parseFilingCsv(Buffer.from(`${header}\n${row('2027-01-01', '29.6', '106.5')}`), options)
    expect(future.rejected[0].reason).toContain('晚于今天')
    const far = parseFilingCsv(Buffer.from(`${header}\n${row('2024-01-01', '39.9', '116.4')}`), options)
    expect(far.rejected[0].reason).toContain('坐标离渝北区超过 150 公里')
  })

  it('refuses a file whose header lacks required columns, naming them', () => {
    expect(() => parseFilingCsv(Buffer.from('备案号,机构名称\nA,B\n'), options)).toThrow(FilingCsvError)
    expect(() => parseFilingCsv(Buffer.from('备案号,机构名称\nA,B\n'), options)).toThrow(/机构类型/)
  })
})
