import path from 'node:path'
import { buildApp } from './app'
import { loadConfig } from './config'
import { compileContent } from './features/content/library/compileContent'
import { seedIfEmpty } from './demo/demoSeed'
import { endDemoAccountSessions } from './features/accounts/demoAccounts'
import { migrate } from './platform/db/migrate'
import { openDatabase } from './platform/db/openDatabase'
import { ensureH5Build } from './platform/http/h5Build'
import { encryptionKeysOf } from './platform/crypto/keyFile'
import { KeyRing } from './platform/crypto/fieldCipher'
import { encryptStoredPhones } from './storedPhones'
import { FakeWechat, startFakeWechat } from './platform/wechat/fake/fakeWechatServer'

/*
 * `npm start`: config → H5 build if missing → database (locked, migrated, seeded on
 * first run) → listen. SIGTERM/SIGINT stop accepting, let requests in flight finish,
 * close the database (PGlite must be closed or its folder can break) and exit 0.
 */

const REPO_ROOT = path.resolve(__dirname, '..')

async function main(): Promise<void> {
  const config = loadConfig()
  // Phone numbers are encrypted at rest: production brings its keys (loadConfig refuses
  // to start without); elsewhere a key file in the data folder is made once and said so in the log.
  // buildApp makes the app's key ring from them, the start-up pass below one of its own.
  config.encryptionKeys = encryptionKeysOf(config, (message) => console.log(message))
  ensureH5Build(config.h5Dist, REPO_ROOT)
  // The demo has no WeChat app: in demo mode only (config.ts demoModeFrom), sign-in and
  // subscribe messages go to the fake WeChat server unless WECHAT_API_BASE points somewhere.
  let fakeWechat: FakeWechat | undefined
  if (config.fakeWechat) {
    fakeWechat = await startFakeWechat({ appId: config.wechatAppId })
    config.wechatApiBase = fakeWechat.url
    console.log(`未设置 WECHAT_API_BASE：使用本机模拟微信服务 ${fakeWechat.url}`)
  }

  const { db, description } = await openDatabase(config, (error) => {
    console.error(`数据目录锁失效 / data folder lock lost: ${error.message}`)
  })
  let app: Awaited<ReturnType<typeof buildApp>> | undefined
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`收到 ${signal}，正在停止… / stopping`)
    let exitCode = 0
    try {
      if (app) await app.close()
    } catch (error) {
      console.error(error)
      exitCode = 1
    }
    try {
      await db.close()
    } catch (error) {
      console.error(error)
      exitCode = 1
    }
    await fakeWechat?.close().catch(() => undefined)
    process.exit(exitCode)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  try {
    await migrate(db)
    // The data migration of issue 11: rows stored before encryption (or under an old key) are (re-)encrypted.
    const encrypted = await encryptStoredPhones(db, new KeyRing(config.encryptionKeys), (message) => console.warn(message))
    if (encrypted > 0) console.log(`已加密 ${encrypted} 个手机号 / encrypted ${encrypted} stored phone numbers`)
    await seedIfEmpty(db, (message) => console.log(message))
    if (!config.demoLogin) {
      const ended = await endDemoAccountSessions(db)
      if (ended > 0) console.log(`演示模式已关闭：结束了 ${ended} 个演示账号的登录`)
    }
    // 生命1000天: skipped when the library is unchanged since the last start
    await compileContent(db, path.join(REPO_ROOT, 'content'), (message) => console.log(message))
    app = await buildApp({ config, db })
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await db.close().catch(() => undefined)
    await fakeWechat?.close().catch(() => undefined)
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  // The short start-up a person reads (issue 12): where to open it, where the data is, and whether it is the demo.
  console.log(`安心托育已启动：http://localhost:${port}`)
  console.log(`  数据：${description}`)
  console.log(`  演示模式：${config.demoLogin ? '开（演示登录可用，首次启动生成演示数据）' : '关'}`)
  console.log(`  请求日志：${config.logRequests ? '开' : '关（设置 LOG_REQUESTS=1 打开）'}`)
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
