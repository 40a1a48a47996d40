import { shanghaiDate, todayInShanghai } from '@domain/shanghaiTime'
import { buildApp } from '@server/app'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { enqueueNotification } from '@server/features/notifications/outbox'
import { MAX_ATTEMPTS, retryDelayMs, sendDueNotifications } from '@server/features/notifications/sender'
import { DEMO_TEMPLATES } from '@server/features/notifications/templateIds'
import { institutionRecord, TEST_DISTRICTS } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { signInParent, TestSession } from '@test/support/session'
import { testConfig } from '@test/support/testConfig'

/** 10:00 in Asia/Shanghai, `days` from today there. */
function shanghaiMorning(days: number): Date {
  return shanghaiDate(todayInShanghai()).add(days, 'day').add(10, 'hour').toDate()
}

describe.each(TEST_BACKENDS)('notification jobs on %s', (backend) => {
  let t: TestApp
  let bookingNo = 0

  beforeAll(async () => {
    t = await openTestApp(backend)
  })
  afterAll(async () => t.close())
  beforeEach(async () => {
    await t.truncate()
    t.wechat.reset()
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [institutionRecord({ id: 'n-inst', name: '阳光宝贝托育中心' })])
  })

  async function signInWithWechat(user: string): Promise<TestSession & { openid: string }> {
    const { token, user: signedIn } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: t.wechat.login(user) } })).json()
    return { token, userId: signedIn.id, headers: { authorization: `Bearer ${token}` }, openid: t.wechat.openidOf(user) }
  }

  async function subscribe(session: TestSession, kinds: string[]): Promise<void> {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', headers: session.headers, payload: { kinds } })
    expect(response.statusCode).toBe(200)
  }

  async function slot(id: string, startsAt: Date, status = 'open'): Promise<string> {
    await t.db.query(
      `insert into slots (id, institution_id, kind, title, starts_at, ends_at, capacity, booked, status)
       values ($1, 'n-inst', 'visit', '参观', $2, $2::timestamptz + interval '1 hour', 10, 0, $3)`,
      [id, startsAt.toISOString(), status],
    )
    return id
  }

  async function booking(slotId: string, session: TestSession, status = 'confirmed'): Promise<string> {
    const id = `n-booking-${++bookingNo}`
    await t.db.query(
      `insert into bookings (id, slot_id, user_id, child_id, child_nickname, status, code, contact_name, contact_phone)
       values ($1, $2, $3, null, '小宝', $4, $5, '家长', '13800000000')`,
      [id, slotId, session.userId, status, `CODE${bookingNo}`],
    )
    return id
  }

  const outbox = async () =>
    (await t.db.query<{ subject_id: string; kind: string; outcome: string | null; attempts: number; last_error: string | null }>(
      `select subject_id, kind, outcome, attempts, last_error from notification_outbox order by id`,
    )).rows
  const remaining = async (userId: string, kind: string) =>
    (await t.db.query<{ remaining: number }>(`select remaining from subscriptions where user_id = $1 and kind = $2`, [userId, kind])).rows[0]?.remaining

  describe('visit reminders', () => {
    it('queues one reminder per confirmed booking of a slot starting tomorrow, once', async () => {
      const parent = await signInWithWechat('alice')
      const tomorrow = await slot('tomorrow', shanghaiMorning(1))
      const confirmed = await booking(tomorrow, parent)
      await booking(tomorrow, parent, 'pending')
      await booking(tomorrow, parent, 'cancelled')
      await booking(await slot('today', shanghaiMorning(0)), parent)
      await booking(await slot('later', shanghaiMorning(2)), parent)
      await booking(await slot('cancelled', shanghaiMorning(1), 'cancelled'), parent)

      expect((await t.app.notifications.runOnce()).remindersQueued).toBe(1)
      expect((await t.app.notifications.runOnce()).remindersQueued).toBe(0)
      expect((await outbox()).filter((row) => row.kind === 'visit_reminder')).toEqual([expect.objectContaining({ subject_id: confirmed })])
    })

    it('sends the reminder through WeChat, using up one accepted subscription', async () => {
      const parent = await signInWithWechat('bob')
      // Two prompts accepted: two reminders allowed.
      await subscribe(parent, ['visit_reminder'])
      await subscribe(parent, ['visit_reminder'])
      const bookingId = await booking(await slot('s1', shanghaiMorning(1)), parent)

      const round = await t.app.notifications.runOnce()
      expect(round).toMatchObject({ remindersQueued: 1, sent: 1, skipped: 0 })
      expect(t.wechat.sent()).toEqual([
        expect.objectContaining({
          touser: parent.openid,
          template_id: DEMO_TEMPLATES.visit_reminder,
          page: 'pages/me/index',
          data: {
            thing1: { value: '阳光宝贝托育中心' },
            thing2: { value: '预约参观' },
            time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} 10:00$/) },
            character_string4: { value: expect.stringMatching(/^CODE\d+$/) },
          },
        }),
      ])
      expect(await remaining(parent.userId, 'visit_reminder')).toBe(1)
      expect(await outbox()).toEqual([expect.objectContaining({ subject_id: bookingId, outcome: 'sent', attempts: 1 })])

      // Running again sends nothing more.
      expect(await t.app.notifications.runOnce()).toMatchObject({ remindersQueued: 0, sent: 0 })
      expect(t.wechat.sent()).toHaveLength(1)
    })

    it('skips the reminder when the parent accepted no subscription, or has no WeChat account', async () => {
      const wechatParent = await signInWithWechat('carol')
      const demoParent = await signInParent(t.app)
      await subscribe(demoParent, ['visit_reminder'])
      const slotId = await slot('s2', shanghaiMorning(1))
      await booking(slotId, wechatParent)
      await booking(slotId, demoParent)

      expect(await t.app.notifications.runOnce()).toMatchObject({ remindersQueued: 2, sent: 0, skipped: 2 })
      expect(t.wechat.sent()).toEqual([])
      expect((await outbox()).map((row) => [row.outcome, row.last_error])).toEqual([
        ['skipped', 'no subscription left'],
        ['skipped', 'user has no WeChat openid'],
      ])
    })

    it('does not remind of a booking cancelled after the reminder was queued', async () => {
      const parent = await signInWithWechat('dave')
      await subscribe(parent, ['visit_reminder'])
      const bookingId = await booking(await slot('s3', shanghaiMorning(1)), parent)
      await enqueueNotification(t.db, { userId: parent.userId, kind: 'visit_reminder', subjectId: bookingId, dedupeKey: 'day-before', payload: {} })
      await t.db.query(`update bookings set status = 'cancelled' where id = $1`, [bookingId])

      expect(await t.app.notifications.runOnce()).toMatchObject({ sent: 0, skipped: 1 })
      expect(t.wechat.sent()).toEqual([])
      expect(await remaining(parent.userId, 'visit_reminder')).toBe(1)
    })
  })

  describe('the sender', () => {
    async function queued(session: TestSession, subjectId: string) {
      await enqueueNotification(t.db, { userId: session.userId, kind: 'booking_status', subjectId, dedupeKey: 'confirmed', payload: { institution: '阳光宝贝', status: '已确认', unknownField: 'x' } })
    }

    it('maps payload fields to the template and leaves out fields it lacks', async () => {
      const parent = await signInWithWechat('erin')
      await subscribe(parent, ['booking_status'])
      await queued(parent, 'b-1')
      await t.app.notifications.runOnce()
      expect(t.wechat.sent()[0].data).toEqual({ thing1: { value: '阳光宝贝' }, phrase4: { value: '已确认' } })
    })

    it('skips a message WeChat refuses with 43101 and believes WeChat that none is left', async () => {
      const parent = await signInWithWechat('frank')
      await subscribe(parent, ['booking_status'])
      await subscribe(parent, ['booking_status'])
      t.wechat.refuseSubscriptions(parent.openid)
      await queued(parent, 'b-2')

      expect(await t.app.notifications.runOnce()).toMatchObject({ sent: 0, skipped: 1 })
      expect(await outbox()).toEqual([expect.objectContaining({ outcome: 'skipped', last_error: expect.stringContaining('43101') })])
      expect(await remaining(parent.userId, 'booking_status')).toBe(0)
    })

    it('retries a transient failure later, with the acceptance given back meanwhile', async () => {
      const parent = await signInWithWechat('grace')
      await subscribe(parent, ['booking_status'])
      await queued(parent, 'b-3')
      t.wechat.failNextSends(1)

      const now = new Date()
      expect(await sendDueNotifications(deps(), now)).toMatchObject({ retrying: 1 })
      expect(await remaining(parent.userId, 'booking_status')).toBe(1)
      expect(await outbox()).toEqual([expect.objectContaining({ outcome: null, attempts: 1, last_error: expect.stringContaining('-1') })])

      // Not due again before its delay…
      expect(await sendDueNotifications(deps(), new Date(now.getTime() + retryDelayMs(1) - 1000))).toMatchObject({ sent: 0, retrying: 0 })
      // …then sent.
      expect(await sendDueNotifications(deps(), new Date(now.getTime() + retryDelayMs(1) + 1000))).toMatchObject({ sent: 1 })
      expect(t.wechat.sent()).toHaveLength(1)
      expect(await outbox()).toEqual([expect.objectContaining({ outcome: 'sent', attempts: 2 })])
    })

    it(`gives up after ${MAX_ATTEMPTS} transient failures`, async () => {
      const parent = await signInWithWechat('heidi')
      await subscribe(parent, ['booking_status'])
      await queued(parent, 'b-4')
      t.wechat.failNextSends(MAX_ATTEMPTS)
      let now = Date.now()
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await sendDueNotifications(deps(), new Date(now))
        now += retryDelayMs(attempt) + 1000
      }
      expect(await outbox()).toEqual([expect.objectContaining({ outcome: 'failed', attempts: MAX_ATTEMPTS })])
      expect(await sendDueNotifications(deps(), new Date(now + 24 * 3600_000))).toMatchObject({ sent: 0, failed: 0 })
      expect(await remaining(parent.userId, 'booking_status')).toBe(1)
    })

    it('sends nothing twice across a restart (a new app on the same database)', async () => {
      const parent = await signInWithWechat('ivan')
      await subscribe(parent, ['visit_reminder', 'booking_status'])
      await subscribe(parent, ['booking_status'])
      await booking(await slot('s5', shanghaiMorning(1)), parent)
      await queued(parent, 'b-5')
      expect(await t.app.notifications.runOnce()).toMatchObject({ remindersQueued: 1, sent: 2 })

      const restarted = await buildApp({ config: testConfig({ h5Dist: t.h5Dist, wechatApiBase: t.wechat.url }), db: t.db })
      try {
        expect(await restarted.notifications.runOnce()).toMatchObject({ remindersQueued: 0, sent: 0, skipped: 0 })
      } finally {
        await restarted.close()
      }
      expect(t.wechat.sent()).toHaveLength(2)
      expect(await remaining(parent.userId, 'booking_status')).toBe(1)
    })

    it('never sends a message twice when two servers send at the same time', async () => {
      const parents = await Promise.all(['p1', 'p2', 'p3'].map((user) => signInWithWechat(user)))
      for (const parent of parents) {
        await subscribe(parent, ['booking_status'])
        for (let i = 0; i < 9; i++) await subscribe(parent, ['booking_status'])
        for (let i = 0; i < 10; i++) await queued(parent, `${parent.userId}-${i}`)
      }
      const rounds = await Promise.all([sendDueNotifications(deps()), sendDueNotifications(deps()), sendDueNotifications(deps())])
      const again = await sendDueNotifications(deps())
      const sent = [...rounds, again].reduce((sum, round) => sum + round.sent, 0)
      expect(sent).toBe(30)
      expect(t.wechat.sent()).toHaveLength(30)
      expect((await outbox()).every((row) => row.outcome === 'sent' && row.attempts === 1)).toBe(true)
    })
  })

  function deps() {
    return { db: t.db, wechat: t.app.wechat, templates: DEMO_TEMPLATES }
  }
})

describe('the jobs in a listening server', () => {
  it('run every NOTIFY_INTERVAL_MS once listening, and stop on close', async () => {
    const t = await openTestApp('pglite')
    const app = await buildApp({ config: testConfig({ h5Dist: t.h5Dist, wechatApiBase: t.wechat.url, demoLogin: true, notifyIntervalMs: 50 }), db: t.db })
    try {
      const { user, token } = (await app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: t.wechat.login('jobs') } })).json()
      await app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', headers: { authorization: `Bearer ${token}` }, payload: { kinds: ['enrollment_status'] } })
      await enqueueNotification(t.db, { userId: user.id, kind: 'enrollment_status', subjectId: 'e-1', dedupeKey: 'admitted', payload: { status: '已录取' } })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(t.wechat.sent()).toEqual([]) // not listening yet: nothing runs
      await app.listen({ port: 0, host: '127.0.0.1' })
      const deadline = Date.now() + 5000
      while (t.wechat.sent().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25))
      expect(t.wechat.sent()).toHaveLength(1)
    } finally {
      await app.close()
      await t.close()
    }
  })
})
