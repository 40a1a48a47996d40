import vm from 'node:vm'
import { earlySearchScript } from '../../../config/earlySearchScript'
import { takeEarlyAnswer } from '@app/api/earlySearch'
import { buildUrl } from '@app/api/http'
import { toQueryParams } from '@domain/search'
import { EMPTY_FILTERS, toInstitutionSearch } from '@app/store/searchFilters'

/*
 * The first search index.html starts (src/earlySearch.js, as config/earlySearchScript.ts
 * inlines it) must ask exactly what the find tab's first search asks before a position
 * is known, or the app cannot adopt it; and the app takes it once, for that URL only.
 */

interface Page {
  __anxinFirstSearch?: { url: string; answer: Promise<{ status: number; body: string } | null> }
  fetched: string[]
}

/** Runs the inline script as a browser would, with this phone's storage and address. */
function runScript(stored: Record<string, string>, hash = '', fetchFails = false): Page {
  const page: Page = { fetched: [] }
  const window = {
    fetch: (url: string) => {
      page.fetched.push(url)
      return fetchFails ? Promise.reject(new Error('offline')) : Promise.resolve({ status: 200, text: () => Promise.resolve('{"items":[],"nextCursor":null}') })
    },
  }
  const context = vm.createContext({ window, fetch: window.fetch, location: { hash }, localStorage: { getItem: (key: string) => stored[key] ?? null } })
  vm.runInContext(earlySearchScript(), context)
  page.__anxinFirstSearch = (window as Page & typeof window).__anxinFirstSearch
  return page
}

/** The URL of the app's first search with nothing located (src/hooks/usePagedSearch.ts: 20 a page). */
function appFirstSearchUrl(district: string | null): string {
  return buildUrl('', '/api/v1/institutions', toQueryParams({ ...toInstitutionSearch({ ...EMPTY_FILTERS, district }, null), limit: 20 }))
}

/** How Taro's H5 storage keeps a value (setStorageSync): {"data": value}. */
const taroStored = (value: unknown) => JSON.stringify({ data: value })
const yubei = { 'anxin.district': taroStored('渝北区') }

describe('the first search started by index.html', () => {
  it('asks nothing when no district is remembered: the app waits for the position or asks for a district (issue 12)', () => {
    const page = runScript({})
    expect(page.fetched).toEqual([])
    expect(page.__anxinFirstSearch).toBeUndefined()
  })

  it('asks for the remembered district, as the app does', () => {
    for (const district of ['渝北区', '广元市', 'A&B=c?d']) {
      const page = runScript({ 'anxin.district': taroStored(district) })
      expect(page.fetched).toEqual([appFirstSearchUrl(district)])
    }
  })

  it('asks nothing for a damaged or implausible stored district, which the app does not use either', () => {
    for (const stored of ['not json', taroStored(42), taroStored(''), taroStored('区'.repeat(21)), taroStored(null)]) {
      expect(runScript({ 'anxin.district': stored }).fetched).toEqual([])
    }
  })

  it('starts nothing when the address opens another page than the find tab', () => {
    expect(runScript(yubei, '#/packages/institution/pages/detail/index?id=x').fetched).toEqual([])
    expect(runScript(yubei, '#/pages/find/index').fetched).toEqual([appFirstSearchUrl('渝北区')])
  })

  it('answers null when the network fails, so the app asks itself', async () => {
    await expect(runScript(yubei, '', true).__anxinFirstSearch!.answer).resolves.toBeNull()
  })
})

describe('the app taking the early answer', () => {
  const url = appFirstSearchUrl('渝北区')

  it('hands the answer to the first search with the same URL, once', async () => {
    const page = runScript(yubei)
    await expect(takeEarlyAnswer(url, page)).resolves.toEqual({ status: 200, body: '{"items":[],"nextCursor":null}' })
    expect(takeEarlyAnswer(url, page)).toBeUndefined()
  })

  it('gives it up when the first search asks something else, so no later search gets an old answer', () => {
    const page = runScript(yubei)
    expect(takeEarlyAnswer(appFirstSearchUrl('大足区'), page)).toBeUndefined()
    expect(takeEarlyAnswer(url, page)).toBeUndefined()
  })

  it('leaves it for the search when other requests come first', async () => {
    const page = runScript(yubei)
    expect(takeEarlyAnswer('/api/v1/districts', page)).toBeUndefined()
    expect(takeEarlyAnswer('/api/v1/institutions/abc', page)).toBeUndefined()
    await expect(takeEarlyAnswer(url, page)).resolves.toMatchObject({ status: 200 })
  })
})
