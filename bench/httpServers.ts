import Fastify from 'fastify'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'
import { openDatabase } from '../server/db/openDatabase'

/*
 * Child process of the HTTP benchmark. It serves, on two ports of its own process:
 *  - the real app (buildApp) on the benchmark's data folder, and
 *  - a bare Fastify instance with one trivial JSON route, the ceiling to compare with.
 * The bare route exists only here; it is never part of the production app.
 * Ports come in as APP_PORT and BARE_PORT; SIGTERM closes both and the database.
 */

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: process.env.APP_PORT })
  const { db } = await openDatabase(config, (error) => {
    console.error(error)
    process.exit(1)
  })
  const app = await buildApp({ config, db })
  const bare = Fastify({ logger: false })
  bare.get('/bare', async () => ({ ok: true }))

  await app.listen({ port: config.port, host: '127.0.0.1' })
  // The app loads its search index in the background after listening. Measuring only
  // once it is loaded keeps that one-off load out of both routes' numbers (it shares
  // this process with the bare route), so the ratio compares steady states.
  await app.searchIndex.refresh()
  await bare.listen({ port: Number(process.env.BARE_PORT), host: '127.0.0.1' })

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await bare.close()
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
