import { startFakeWechat } from './fakeWechatServer'

/*
 * `npm run fake-wechat`: the fake WeChat server on its own, for pointing a server started
 * elsewhere at it (WECHAT_API_BASE=<printed URL>). FAKE_WECHAT_APP_ID/SECRET make it
 * check credentials; FAKE_WECHAT_RISKY_WORDS (comma-separated) steer msg_sec_check.
 */
async function main(): Promise<void> {
  const fake = await startFakeWechat({
    appId: process.env.FAKE_WECHAT_APP_ID || undefined,
    appSecret: process.env.FAKE_WECHAT_APP_SECRET || undefined,
    riskyWords: process.env.FAKE_WECHAT_RISKY_WORDS ? process.env.FAKE_WECHAT_RISKY_WORDS.split(',') : undefined,
  })
  console.log(`模拟微信服务已启动 / fake WeChat server: ${fake.url}`)
  console.log(`  登录码 / login code: POST ${fake.url}/__login?user=alice   已发送的订阅消息 / sent: GET ${fake.url}/__sent`)
  const stop = () => void fake.close().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
