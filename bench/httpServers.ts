import fs from 'node:fs'
import Fastify from 'fastify'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'
import { openDatabase } from '../server/platform/db/openDatabase'
import { encryptionKeysOf } from '../server/platform/crypto/keyFile'

/*
 * Child process of the HTTP benchmark. It serves, on three ports of its own process:
 *  - the real app (buildApp) on the benchmark's data folder, as configured (page cache on),
 *  - the same app with its search page cache off (SEARCH_PAGE_CACHE_SIZE=0), so the
 *    report can tell how much of the search route's speed is the cache, and
 *  - a bare Fastify instance with one trivial JSON route, the ceiling to compare with,
 *    and GET /api/v1/institutions answering each benchmark search (SEARCH_PATHS_FILE)
 *    with the very bytes the uncached app answers, precomputed: the honest ceiling of
 *    the search route — same request, same response size, no work.
 * The bare route exists only here; it is never part of the production app.
 * Ports come in as APP_PORT, UNCACHED_PORT and BARE_PORT; SIGTERM closes all and the database.
 */

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: process.env.APP_PORT })
  // As main.ts: the data folder's key, so both apps read the phone numbers stored there.
  config.encryptionKeys = encryptionKeysOf(config, () => {})
  const { db } = await openDatabase(config, (error) => {
    console.error(error)
    process.exit(1)
  })
  const app = await buildApp({ config, db })
  const uncached = await buildApp({ config: { ...config, searchPageCacheSize: 0 }, db })
  const bare = Fastify({ logger: false })
  bare.get('/bare', async () => ({ ok: true }))

  await app.listen({ port: config.port, host: '127.0.0.1' })
  await uncached.listen({ port: Number(process.env.UNCACHED_PORT), host: '127.0.0.1' })
  // The apps load their search index in the background after listening. Measuring only
  // once they are loaded keeps that one-off load out of every route's numbers (they share
  // this process with the bare route), so the ratios compare steady states.
  await app.searchIndex.refresh()
  await uncached.searchIndex.refresh()
  // The same bytes, precomputed from the uncached app's own answers.
  const sameBytes = new Map<string, string>()
  const searchPaths = process.env.SEARCH_PATHS_FILE ? (JSON.parse(fs.readFileSync(process.env.SEARCH_PATHS_FILE, 'utf8')) as string[]) : []
  for (const searchPath of searchPaths) sameBytes.set(searchPath, (await uncached.inject({ url: searchPath })).body)
  bare.get('/api/v1/institutions', async (request, reply) => {
    const body = sameBytes.get(request.url)
    if (body === undefined) return reply.status(404).send({ error: 'not precomputed' })
    return reply.type('application/json; charset=utf-8').send(body)
  })
  await bare.listen({ port: Number(process.env.BARE_PORT), host: '127.0.0.1' })

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await bare.close()
    await uncached.close()
    await app.close()
    await db.close()
    process.exit(0)
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
