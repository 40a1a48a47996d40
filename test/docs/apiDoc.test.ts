import fs from 'node:fs'
import { FastifyInstance, HTTPMethods } from 'fastify'
import { openTestApp, TestApp } from '@test/support/app'
import { repoPath } from '@test/support/repoPaths'

/*
 * docs/api.md is written by hand for people; the served OpenAPI document is generated from
 * the routes' zod schemas. This keeps the two telling the same story: every served route is
 * documented, every documented route is served, and every query, header and body field the
 * server reads is named in its route's section.
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

interface DocumentedRoute {
  /** e.g. "POST /api/v1/bookings/:id/cancel" */
  route: string
  method: string
  path: string
  /** The section's text, from its heading to the next heading. */
  section: string
}

/** The `### METHOD /path` sections of docs/api.md. */
function documentedRoutes(markdown: string): DocumentedRoute[] {
  const headings = [...markdown.matchAll(/^#{2,3} .*$/gm)]
  const routes: DocumentedRoute[] = []
  headings.forEach((heading, i) => {
    const match = /^### (GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(heading[0])
    if (!match) return
    const end = i + 1 < headings.length ? headings[i + 1].index : markdown.length
    routes.push({ route: `${match[1]} ${match[2]}`, method: match[1], path: match[2], section: markdown.slice(heading.index, end) })
  })
  return routes
}

interface OpenApiOperation {
  parameters?: { name: string; in: 'query' | 'header' | 'path' | 'cookie' }[]
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
}
type OpenApiDocument = { paths: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>> }

interface ServedRoute {
  route: string
  /** Query parameters, headers and top-level body properties the route's schema declares. */
  fields: string[]
}

/** OpenAPI spells path parameters {id}; the docs spell them as Fastify does, :id. */
function servedRoutes(openApi: OpenApiDocument): ServedRoute[] {
  return Object.entries(openApi.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method] !== undefined).map((method) => {
      const operation = operations[method] as OpenApiOperation
      const parameters = (operation.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'header').map((p) => p.name)
      const bodyFields = Object.values(operation.requestBody?.content ?? {}).flatMap((c) => Object.keys(c.schema?.properties ?? {}))
      return { route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, fields: [...parameters, ...bodyFields] }
    }),
  )
}

/** A field counts as named when it appears in backticks, alone or leading (`note?`, `kind=`, `scores {…}`). */
function namesField(section: string, field: string): boolean {
  const escaped = field.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
  return new RegExp('`' + escaped + '(?![\\w-])', 'i').test(section)
}

interface Mismatch {
  undocumented: string[]
  notServed: string[]
  unnamedFields: string[]
}

function compare(documented: DocumentedRoute[], served: ServedRoute[], isServed: (route: DocumentedRoute) => boolean): Mismatch {
  const byRoute = new Map(documented.map((d) => [d.route, d]))
  return {
    undocumented: served.filter((s) => !byRoute.has(s.route)).map((s) => s.route),
    notServed: documented.filter((d) => !isServed(d)).map((d) => d.route),
    unnamedFields: served.flatMap((s) => {
      const doc = byRoute.get(s.route)
      return doc ? s.fields.filter((f) => !namesField(doc.section, f)).map((f) => `${s.route}: ${f}`) : []
    }),
  }
}

/** Served by this app, hidden from OpenAPI or not (GET /healthz, the OpenAPI document itself). */
function isServedBy(app: FastifyInstance) {
  return (route: DocumentedRoute) => app.hasRoute({ method: route.method as HTTPMethods, url: route.path })
}

describe('docs/api.md', () => {
  let testApp: TestApp
  let openApi: OpenApiDocument
  const markdown = fs.readFileSync(repoPath('docs', 'api.md'), 'utf8')

  beforeAll(async () => {
    testApp = await openTestApp('pglite')
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(response.statusCode).toBe(200)
    openApi = response.json()
  })
  afterAll(async () => {
    await testApp?.close()
  })

  it('documents every route the OpenAPI document lists, and lists no route the server does not serve', () => {
    const mismatch = compare(documentedRoutes(markdown), servedRoutes(openApi), isServedBy(testApp.app))
    expect(mismatch.undocumented).toEqual([])
    expect(mismatch.notServed).toEqual([])
  })

  it('names every query parameter, header and body field of each route in its section', () => {
    expect(compare(documentedRoutes(markdown), servedRoutes(openApi), isServedBy(testApp.app)).unnamedFields).toEqual([])
  })

  it('lists each route once', () => {
    const routes = documentedRoutes(markdown).map((d) => d.route)
    expect(routes.length).toBeGreaterThan(50)
    expect(routes.filter((route, i) => routes.indexOf(route) !== i)).toEqual([])
  })

  it('reports a planted undocumented route, a planted unserved route and a planted unnamed field', () => {
    const planted = documentedRoutes(markdown)
      .filter((d) => d.route !== 'POST /api/v1/bookings')
      .map((d) => (d.route === 'GET /api/v1/lectures' ? { ...d, section: d.section.replace('`district`', 'district') } : d))
    planted.push({ route: 'GET /api/v1/nowhere', method: 'GET', path: '/api/v1/nowhere', section: '### GET /api/v1/nowhere' })
    const mismatch = compare(planted, servedRoutes(openApi), isServedBy(testApp.app))
    expect(mismatch.undocumented).toEqual(['POST /api/v1/bookings'])
    expect(mismatch.notServed).toEqual(['GET /api/v1/nowhere'])
    expect(mismatch.unnamedFields).toEqual(['GET /api/v1/lectures: district'])
  })
})
