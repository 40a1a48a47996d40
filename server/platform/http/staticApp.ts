import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import { FastifyInstance } from 'fastify'
import { errorBody } from './apiError'

/** API paths answer JSON, always: a missing API route is a 404 NOT_FOUND, never a page. */
export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}

/** Bundles named by content hash (Taro's output: js/app.1a2b3c4d.js, css/app.<hash>.css) never change. */
const HASHED_FILE = /\.[0-9a-f]{8,32}\.(js|css)$/

/** The Cache-Control of a file of the H5 build (docs/architecture.md, "H5 speed"). */
export function cacheControlFor(filePath: string): string {
  const logical = filePath.replace(/\.(br|gz)$/, '')
  if (HASHED_FILE.test(logical)) return 'public, max-age=31536000, immutable'
  // index.html names the hashed bundles of the current build: always revalidate it.
  return 'no-cache'
}

/**
 * Serves the H5 build at / when it exists, the brotli or gzip file made at build time
 * when the browser takes it (config/prod.ts), hashed bundles cached for a year. Unknown non-file paths get index.html, so a
 * reload on an app route still opens the app; everything else unknown is a JSON 404.
 */
export async function installStaticApp(app: FastifyInstance, h5Dist: string): Promise<void> {
  const indexFile = path.join(h5Dist, 'index.html')
  const hasApp = fs.existsSync(indexFile)
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: h5Dist,
      prefix: '/',
      index: 'index.html',
      allowedPath: (pathName) => !isApiPath(pathName),
      preCompressed: true,
      // Our own Cache-Control per file, not @fastify/static's max-age=0.
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', cacheControlFor(filePath))
      },
    })
  }

  app.setNotFoundHandler((request, reply) => {
    const pathOnly = request.url.split('?')[0]
    const looksLikePage = (request.method === 'GET' || request.method === 'HEAD') && !path.extname(pathOnly)
    if (hasApp && looksLikePage && !isApiPath(pathOnly) && pathOnly !== '/healthz') {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html')
    }
    return reply.status(404).send(errorBody('NOT_FOUND', '没有找到这个地址'))
  })
}
