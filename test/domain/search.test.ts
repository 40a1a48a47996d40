import { InstitutionSearchQuerySchema, filtersToRelax, toQueryParams } from '@domain/search'

function parse(query: Record<string, string | string[]>) {
  return InstitutionSearchQuerySchema.safeParse(query)
}

describe('the search query schema', () => {
  it('defaults to distance order within 5 km when a location is given', () => {
    const parsed = parse({ lat: '29.6', lng: '106.5' })
    expect(parsed.success && parsed.data).toMatchObject({ origin: { lat: 29.6, lng: 106.5 }, radiusKm: 5, sort: 'distance', limit: 20 })
  })

  it('orders by rating when no location is given', () => {
    const parsed = parse({})
    expect(parsed.success && parsed.data.sort).toBe('rating')
  })

  it('accepts repeated and comma-separated care modes', () => {
    const repeated = parse({ careMode: ['full_day', 'hourly'] })
    const commas = parse({ careMode: 'full_day,hourly' })
    expect(repeated.success && repeated.data.careModes).toEqual(['full_day', 'hourly'])
    expect(commas.success && commas.data.careModes).toEqual(['full_day', 'hourly'])
  })

  it.each([
    [{ lat: '29.6' }, 'lng'],
    [{ lng: '106.5' }, 'lat'],
    [{ lat: 'north', lng: '106.5' }, 'lat'],
    [{ lat: '29.6', lng: '106.5', radiusKm: '51' }, 'radiusKm'],
    [{ lat: '29.6', lng: '106.5', radiusKm: '0' }, 'radiusKm'],
    [{ careMode: 'overnight' }, 'careMode'],
    [{ limit: '10000' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ q: 'x'.repeat(10_000) }, 'q'],
    [{ sort: 'distance' }, 'sort'],
    [{ lat: ['29.6', '29.7'], lng: '106.5' }, 'lat'],
    [{ affordable: 'yes' }, 'affordable'],
    [{ maxFee: '-1' }, 'maxFee'],
    [{ ageMonths: '1.5' }, 'ageMonths'],
    [{ kind: 'school' }, 'kind'],
  ])('rejects %j with a Chinese message on %s', (query, field) => {
    const parsed = parse(query as Record<string, string>)
    expect(parsed.success).toBe(false)
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === field)
      expect(issue).toBeDefined()
      expect(issue!.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('round-trips through toQueryParams', () => {
    const first = parse({ lat: '29.6', lng: '106.5', careMode: ['half_day'], maxFee: '200000', affordable: 'true', q: 'lxjd' })
    if (!first.success) throw first.error
    const again = parse(
      toQueryParams(first.data).reduce<Record<string, string | string[]>>((query, [key, value]) => {
        const existing = query[key]
        query[key] = existing === undefined ? value : ([] as string[]).concat(existing, value)
        return query
      }, {}),
    )
    expect(again.success && again.data).toEqual(first.data)
  })
})

describe('filtersToRelax', () => {
  it('names the filters a parent could loosen', () => {
    const parsed = parse({ hasVacancy: 'true', affordable: 'true' })
    if (!parsed.success) throw parsed.error
    expect(filtersToRelax(parsed.data)).toEqual(['只看有空位', '只看普惠'])
  })
})
