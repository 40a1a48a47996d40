import zlib from 'node:zlib'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'

/* API answers are compressed for clients that ask (issue 11: the first search on a phone network). */
describe('compressed API answers', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite')
    await seedInstitutions(
      t.db,
      Array.from({ length: 20 }, (_, i) => ({ id: `inst-${i}` })),
    )
    await t.app.searchIndex.refresh()
  })
  afterAll(() => t.close())

  const search = (acceptEncoding?: string) =>
    t.app.inject({ url: '/api/v1/institutions?district=渝北区&limit=20', headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })

  it('sends a search page as brotli to a browser that takes it, the same JSON inside', async () => {
    const plain = await search()
    expect(plain.statusCode).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect((plain.json() as { items: unknown[] }).items).toHaveLength(20)

    const br = await search('gzip, deflate, br')
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3)
    expect(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body)
  })

  it('sends gzip to a client that takes only gzip, and keeps the answer headers', async () => {
    const gz = await search('gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers['content-type']).toMatch(/^application\/json/)
    expect(gz.headers['x-content-type-options']).toBe('nosniff')
    expect(zlib.gunzipSync(gz.rawPayload).toString('utf8')).toBe((await search()).body)
  })

  it('leaves small answers as they are', async () => {
    const health = await t.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br' } })
    expect(health.statusCode).toBe(200)
    expect(health.headers['content-encoding']).toBeUndefined()
    expect(health.json()).toEqual({ ok: true })
  })
})
