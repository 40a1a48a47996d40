import { ApiError } from '@app/api/ApiError'
import { buildUrl, readResponse, transportError } from '@app/api/http'
import { InstitutionSearchQuerySchema, toQueryParams } from '@domain/search'
import { pageSchema } from '@domain/page'
import { InstitutionSummarySchema } from '@domain/institution'

const summary = {
  id: 'yb-001',
  name: '演示数据·龙溪街道托育园',
  kind: 'childcare_center',
  district: '渝北区',
  districtCode: '500112',
  street: '龙溪街道',
  address: '重庆市渝北区龙溪街道金龙路 1 号',
  location: { lat: 29.6, lng: 106.52 },
  distanceKm: 1.2,
  affordable: true,
  filing: { number: '渝北托备 2024-001', status: 'filed' },
  ageRange: { minMonths: 6, maxMonths: 36 },
  careModes: [{ mode: 'full_day', fee: 280000, unit: 'per_month' }],
  capacity: 80,
  vacancies: 12,
  rating: { average: 4.5, count: 10 },
  demonstrationLevel: null,
  isDemo: true,
}
const PageSchema = pageSchema(InstitutionSummarySchema)

describe('buildUrl', () => {
  it('keeps repeated keys repeated and encodes Chinese text', () => {
    const url = buildUrl('', '/api/v1/institutions', [
      ['careMode', 'full_day'],
      ['careMode', 'hourly'],
      ['district', '渝北区'],
    ])
    expect(url).toBe('/api/v1/institutions?careMode=full_day&careMode=hourly&district=%E6%B8%9D%E5%8C%97%E5%8C%BA')
  })

  it('joins a base URL with a trailing slash without doubling it, and adds no "?" without params', () => {
    expect(buildUrl('https://api.example.invalid/', '/api/v1/districts')).toBe('https://api.example.invalid/api/v1/districts')
  })

  it('builds a query the server-side schema reads back into the same search', () => {
    const search = {
      origin: { lat: 29.6, lng: 106.52 },
      radiusKm: 10,
      careModes: ['half_day' as const],
      maxFee: 200000,
      affordable: true,
      ageMonths: 18,
      hasVacancy: true,
      q: 'lxjd',
      sort: 'fee' as const,
    }
    const url = new URL(buildUrl('http://x', '/api/v1/institutions', toQueryParams(search)))
    const raw: Record<string, string | string[]> = {}
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key)
      raw[key] = values.length === 1 ? values[0] : values
    }
    expect(InstitutionSearchQuerySchema.parse(raw)).toMatchObject(search)
  })
})

describe('readResponse', () => {
  it('returns a valid answer as the schema types it', () => {
    const page = readResponse(200, { items: [summary], nextCursor: 'abc' }, PageSchema)
    expect(page.items[0].name).toBe(summary.name)
    expect(page.nextCursor).toBe('abc')
  })

  it('turns the API error shape into an ApiError with the Chinese message and fields', () => {
    const body = { error: { code: 'VALIDATION', message: '经度和纬度需要同时提供', fields: { 'query.lng': '经度和纬度需要同时提供' } } }
    try {
      readResponse(400, body, PageSchema)
      throw new Error('expected an ApiError')
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError)
      const apiError = error as ApiError
      expect(apiError.code).toBe('VALIDATION')
      expect(apiError.status).toBe(400)
      expect(apiError.message).toBe('经度和纬度需要同时提供')
      expect(apiError.fields).toEqual({ 'query.lng': '经度和纬度需要同时提供' })
    }
  })

  it('gives a readable message when a failure has no error body', () => {
    expect(() => readResponse(502, '<html>Bad Gateway</html>', PageSchema)).toThrow('服务暂时出了点问题，请稍后再试')
    expect(() => readResponse(404, undefined, PageSchema)).toThrow('没有找到相关内容')
  })

  it('refuses a success whose body does not match the contract', () => {
    const broken = { items: [{ ...summary, careModes: [{ mode: 'full_day', fee: 2800.5, unit: 'per_month' }] }], nextCursor: null }
    expect(() => readResponse(200, broken, PageSchema)).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }))
  })
})

describe('transportError', () => {
  it('tells a timeout from another network failure', () => {
    expect(transportError({ errMsg: 'request:fail timeout' }).code).toBe('TIMEOUT')
    expect(transportError({ errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' }).code).toBe('NETWORK')
    expect(transportError(new TypeError('Failed to fetch')).message).toBe('网络不太好，请检查网络后重试')
  })
})
