import { ErrorBodySchema } from '@domain/errors'
import { openTestApp, TestApp } from '../support/app'

describe('the HTTP application', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite')
  })
  afterAll(() => t.close())

  it('answers GET /healthz with {"ok": true}', async () => {
    const response = await t.app.inject({ url: '/healthz' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true })
  })

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const response = await t.app.inject({ url: '/api/v1/openapi.json' })
    expect(response.statusCode).toBe(200)
    const doc = response.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/institutions', '/api/v1/institutions/{id}', '/api/v1/districts']))
    const parameters = doc.paths['/api/v1/institutions'].get.parameters.map((p: { name: string }) => p.name)
    expect(parameters).toEqual(expect.arrayContaining(['lat', 'lng', 'radiusKm', 'careMode', 'maxFee', 'q', 'sort', 'cursor', 'limit']))
  })

  it('answers an unknown API route with 404 NOT_FOUND, never the app page', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/v2/institutions', '/api/index.html']) {
      const response = await t.app.inject({ url })
      expect(response.statusCode).toBe(404)
      expect(ErrorBodySchema.parse(response.json()).error.code).toBe('NOT_FOUND')
    }
  })

  it('serves the H5 app at / and its files by path', async () => {
    const index = await t.app.inject({ url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.headers['content-type']).toMatch(/text\/html/)
    expect(index.body).toContain('安心托育')
    const script = await t.app.inject({ url: '/js/app.js' })
    expect(script.statusCode).toBe(200)
    expect((await t.app.inject({ url: '/js/missing.js' })).statusCode).toBe(404)
  })
})
