import fc from 'fast-check'
import { ErrorBodySchema } from '@domain/errors'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { generateInstitutions, TEST_DISTRICTS } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'

describe.each(TEST_BACKENDS)('bad search parameters on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, generateInstitutions(20, 5))
  })
  afterAll(() => t.close())

  async function expectValidationError(query: string, field: string) {
    const response = await t.app.inject({ url: `/api/v1/institutions?${query}` })
    expect(response.statusCode).toBe(400)
    const body = ErrorBodySchema.parse(response.json())
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(Object.keys(body.error.fields ?? {})).toContain(field)
    expect(body.error.fields![field]).toMatch(/[\u4e00-\u9fff]/)
    return body
  }

  // Rows name the field, and some the refusal's words. The test reads its row as a rest
  // parameter: jest takes a function with more parameters than the row for a done-callback test.
  it.each([
    ['a latitude that is not a number', 'lat=abc&lng=106.5', 'query.lat', '纬度必须是数字'],
    ['a boolean that is not true or false', 'affordable=yes', 'query.affordable'],
    ['an age that is not a whole number', 'ageMonths=1.5', 'query.ageMonths'],
    ['a radius above 50 km', 'lat=29.6&lng=106.5&radiusKm=51', 'query.radiusKm'],
    ['a radius of zero', 'lat=29.6&lng=106.5&radiusKm=0', 'query.radiusKm'],
    ['an unknown care mode', 'careMode=overnight', 'query.careMode.0'],
    ['an unknown care mode after a known one', 'careMode=full_day,overnight', 'query.careMode.1', '托育方式只能是全日托、半日托、计时托或临时托'],
    ['five care modes', 'careMode=full_day,half_day,hourly,temporary,full_day', 'query.careMode', '托育方式最多选 4 种'],
    ['an age above 72 months', 'ageMonths=73', 'query.ageMonths', '月龄不能大于 72'],
    ['a NUL byte in the search text', 'q=a%00b', 'query.q', '含有无法识别的字符'],
    ['a latitude without a longitude', 'lat=29.6', 'query.lng'],
    ['a radius without a location', 'radiusKm=3', 'query.radiusKm'],
    ['distance order without a location', 'sort=distance', 'query.sort'],
    ['a limit of 10,000', 'limit=10000', 'query.limit'],
    ['a 10 KB search text', `q=${'托'.repeat(10_240)}`, 'query.q'],
    ['a repeated latitude', 'lat=29.6&lat=29.7&lng=106.5', 'query.lat', '纬度只能填写一个值'],
    ['an unknown institution kind', 'kind=hotel', 'query.kind'],
    ['an unknown sort', 'sort=price', 'query.sort'],
    ['a negative maximum fee', 'maxFee=-1', 'query.maxFee'],
  ] as Array<[string, string, string, string?]>)('answers 400 VALIDATION for %s', async (...[, query, field, message]) => {
    const body = await expectValidationError(query, field)
    // Where given, the refusal's words too.
    if (message) expect(body.error.fields![field]).toContain(message)
  })

  it.each([
    ['not base64url', 'cursor=!!!'],
    ['base64url of something that is not JSON', `cursor=${Buffer.from('hello').toString('base64url')}`],
    ['JSON of the wrong shape', `cursor=${Buffer.from(JSON.stringify({ k: 'x' })).toString('base64url')}`],
    ['a cursor of another sort', `cursor=${Buffer.from(JSON.stringify({ s: 'fee', k: 1, id: 'a' })).toString('base64url')}&sort=rating`],
  ])('answers 400 VALIDATION for a malformed cursor: %s', async (_case, query) => {
    await expectValidationError(query, 'query.cursor')
  })

  it('accepts the cursor it issued and refuses it once altered', async () => {
    const first = await t.app.inject({ url: '/api/v1/institutions?limit=2&sort=fee' })
    const cursor = first.json().nextCursor as string
    expect(typeof cursor).toBe('string')
    expect((await t.app.inject({ url: `/api/v1/institutions?limit=2&sort=fee&cursor=${cursor}` })).statusCode).toBe(200)
    await expectValidationError(`limit=2&sort=fee&cursor=${cursor.slice(0, -3)}`, 'query.cursor')
  })

  it('never answers anything but 200 or 400 to random query strings', async () => {
    const keys = ['lat', 'lng', 'radiusKm', 'district', 'careMode', 'maxFee', 'affordable', 'ageMonths', 'hasVacancy', 'kind', 'q', 'sort', 'cursor', 'limit', 'other']
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom('true', 'false', 'full_day', 'fee', 'distance', '%', '_', '\\', "'", '"', '\u0000', 'a\u0000b', '1e3', '-0', 'NaN', 'Infinity'),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 8 }), async (pairs) => {
        const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
        const response = await t.app.inject({ url: `/api/v1/institutions?${query}` })
        expect([200, 400]).toContain(response.statusCode)
        if (response.statusCode === 400) expect(ErrorBodySchema.parse(response.json()).error.code).toBe('VALIDATION')
      }),
      { numRuns: 300, seed: 20240601 },
    )
  })

  it('answers 400, not 500, to raw malformed query strings', async () => {
    for (const raw of ['%', '%E4%B8', 'lat=%zz&lng=1', '&&&', 'careMode[]=full_day', 'q=%00', 'district=%00', 'district=%E4']) {
      const response = await t.app.inject({ url: `/api/v1/institutions?${raw}` })
      expect([200, 400]).toContain(response.statusCode)
    }
  })
})
