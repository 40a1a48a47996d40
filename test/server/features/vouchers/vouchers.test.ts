import { VoucherBatchReportSchema, VoucherSchema, VOUCHER_MESSAGES } from '@domain/voucher'
import { openTestApp, TestApp } from '@test/support/app'
import { insertSlotRow, seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { signInRegulator } from '../complaint/complaintFixtures'
import { batchBody, issueBatch } from './voucherFixtures'

const YUBEI = '500112'
const CONTACT = { contactName: '王女士', contactPhone: '13812345678' }

describe.each(TEST_BACKENDS)('体验券 on %s', (backend) => {
  let t: TestApp
  let regulator: TestSession
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-v', affordable: true }, { id: 'inst-w', affordable: true }, { id: 'inst-private', affordable: false }])
    regulator = await signInRegulator(t, YUBEI)
  })
  afterAll(async () => {
    await t.close()
  })

  const error = (answer: { body: unknown }) => (answer.body as { error: { code: string; message: string; fields?: Record<string, string> } }).error

  it('lets a regulator issue a batch only for the district\'s 普惠 institutions', async () => {
    const refused = await requestJson(t.app, 'POST', '/api/v1/regulator/voucher-batches', batchBody({ institutionIds: ['inst-v', 'inst-private'] }), regulator.headers)
    expect(refused.status).toBe(400)
    expect(error(refused).fields!['body.institutionIds']).toContain('inst-private')
    const backwards = await requestJson(t.app, 'POST', '/api/v1/regulator/voucher-batches', batchBody({ validUntil: '2020-01-01' }), regulator.headers)
    expect(backwards.status).toBe(400)
    const parent = await signInParent(t.app)
    expect((await requestJson(t.app, 'POST', '/api/v1/regulator/voucher-batches', batchBody(), parent.headers)).status).toBe(403)
  })

  it('runs a voucher from claim to trial booking to redemption, once, and reports it', async () => {
    const batchId = await issueBatch(t.app, regulator)
    const open = await requestJson(t.app, 'GET', `/api/v1/voucher-batches?districtCode=${YUBEI}`)
    expect((open.body as { items: { id: string; remaining: number }[] }).items.find((b) => b.id === batchId)?.remaining).toBe(50)

    const parent = await signInParent(t.app)
    const child = await addChild(t.app, parent)
    const claim = await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: child.id }, parent.headers)
    expect(claim.status).toBe(201)
    const voucher = VoucherSchema.parse(claim.body)
    expect(voucher).toMatchObject({ status: 'claimed', expired: false, child: { id: child.id } })
    expect(voucher.code).toMatch(/^[A-Z0-9]{8}$/)

    const again = await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: child.id }, parent.headers)
    expect(again.status).toBe(409)
    expect(error(again).message).toBe(VOUCHER_MESSAGES.alreadyClaimed)

    const openDay = await insertSlotRow(t.db, { institutionId: 'inst-v', kind: 'open_day' })
    const notTrial = await requestJson(t.app, 'POST', `/api/v1/me/vouchers/${voucher.id}/booking`, { slotId: openDay, ...CONTACT }, parent.headers)
    expect(notTrial.status).toBe(409)
    expect(error(notTrial).message).toBe(VOUCHER_MESSAGES.notTrial)

    const trial = await insertSlotRow(t.db, { institutionId: 'inst-v', kind: 'trial', startsInHours: 2 })
    const booked = await requestJson(t.app, 'POST', `/api/v1/me/vouchers/${voucher.id}/booking`, { slotId: trial, ...CONTACT }, parent.headers)
    expect(booked.status).toBe(201)
    const withBooking = VoucherSchema.parse(booked.body)
    expect(withBooking.status).toBe('booked')
    expect(withBooking.booking?.code).toMatch(/^[A-Z0-9]+$/)

    // Another institution's desk does not see it; this one's redeems it once.
    const otherDesk = await signInStaff(t, 'inst-w')
    expect((await requestJson(t.app, 'POST', '/api/v1/staff/vouchers/redeem', { code: voucher.code }, otherDesk.headers)).status).toBe(404)
    const desk = await signInStaff(t, 'inst-v')
    const redeemed = await requestJson(t.app, 'POST', '/api/v1/staff/vouchers/redeem', { code: voucher.code.toLowerCase() }, desk.headers)
    expect(redeemed.status).toBe(200)
    expect(VoucherSchema.parse(redeemed.body).status).toBe('redeemed')
    const twice = await requestJson(t.app, 'POST', '/api/v1/staff/vouchers/redeem', { code: voucher.code }, desk.headers)
    expect(twice.status).toBe(409)
    expect(error(twice).message).toBe(VOUCHER_MESSAGES.used)

    const enroll = await requestJson(t.app, 'POST', '/api/v1/enrollments', { institutionId: 'inst-v', childId: child.id, careMode: 'full_day', startMonth: '2027-03', contactPhone: '13812345678' }, parent.headers)
    expect(enroll.status).toBe(201)
    const reports = await requestJson(t.app, 'GET', '/api/v1/regulator/voucher-batches', undefined, regulator.headers)
    const report = VoucherBatchReportSchema.parse((reports.body as { items: unknown[] }).items.find((b) => (b as { id: string }).id === batchId))
    expect(report).toMatchObject({ total: 50, claimed: 1, remaining: 49, booked: 1, redeemed: 1, enrollmentApplications: 1 })

    const mine = await requestJson(t.app, 'GET', '/api/v1/me/vouchers', undefined, parent.headers)
    expect((mine.body as { items: { id: string }[] }).items.map((v) => v.id)).toEqual([voucher.id])
  })

  it('lets a parent who cancelled the trial book again with the same voucher, and refuses redemption at another institution of the batch', async () => {
    const batchId = await issueBatch(t.app, regulator, { institutionIds: ['inst-v', 'inst-w'] })
    const parent = await signInParent(t.app)
    const child = await addChild(t.app, parent)
    const voucher = VoucherSchema.parse((await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: child.id }, parent.headers)).body)
    const first = await insertSlotRow(t.db, { institutionId: 'inst-v', kind: 'trial' })
    const booked = VoucherSchema.parse((await requestJson(t.app, 'POST', `/api/v1/me/vouchers/${voucher.id}/booking`, { slotId: first, ...CONTACT }, parent.headers)).body)
    const again = await requestJson(t.app, 'POST', `/api/v1/me/vouchers/${voucher.id}/booking`, { slotId: first, ...CONTACT }, parent.headers)
    expect(error(again).message).toBe(VOUCHER_MESSAGES.alreadyBooked)
    expect((await requestJson(t.app, 'POST', `/api/v1/bookings/${booked.booking!.id}/cancel`, {}, parent.headers)).status).toBe(200)
    const second = await insertSlotRow(t.db, { institutionId: 'inst-w', kind: 'trial' })
    const rebooked = await requestJson(t.app, 'POST', `/api/v1/me/vouchers/${voucher.id}/booking`, { slotId: second, ...CONTACT }, parent.headers)
    expect(rebooked.status).toBe(201)
    expect(VoucherSchema.parse(rebooked.body).booking?.id).not.toBe(booked.booking!.id)
    const wrongDesk = await signInStaff(t, 'inst-v')
    const refused = await requestJson(t.app, 'POST', '/api/v1/staff/vouchers/redeem', { code: voucher.code }, wrongDesk.headers)
    expect(error(refused).message).toBe(VOUCHER_MESSAGES.bookedElsewhere)
    const rightDesk = await signInStaff(t, 'inst-w')
    expect((await requestJson(t.app, 'POST', '/api/v1/staff/vouchers/redeem', { code: voucher.code }, rightDesk.headers)).status).toBe(200)
  })

  it('refuses an expired voucher with a clear message, for booking and for redemption', async () => {
    const batchId = await issueBatch(t.app, regulator)
    const parent = await signInParent(t.app)
    const child = await addChild(t.app, parent)
    const voucher = VoucherSchema.parse((await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: child.id }, parent.headers)).body)
    await t.db.query(`update voucher_batches set valid_from = current_date - 10, valid_until = current_date - 2 where id = $1`, [batchId])
    const trial = await insertSlotRow(t.db, { institutionId: 'inst-v', kind: 'trial' })
    const late = await requestJson(t.app, 'POST', `/api/v1/me/vouchers/${voucher.id}/booking`, { slotId: trial, ...CONTACT }, parent.headers)
    expect(late.status).toBe(409)
    expect(error(late).message).toBe(VOUCHER_MESSAGES.expired)
    const desk = await signInStaff(t, 'inst-v')
    const redeem = await requestJson(t.app, 'POST', '/api/v1/staff/vouchers/redeem', { code: voucher.code }, desk.headers)
    expect(error(redeem).message).toBe(VOUCHER_MESSAGES.expired)
    const other = await addChild(t.app, parent, { nickname: '二宝' })
    const closed = await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: other.id }, parent.headers)
    expect(closed.status).toBe(409)
    expect(error(closed).message).toBe(VOUCHER_MESSAGES.batchNotOpen)
  })

  it('answers bad input with 400 and others\' children and vouchers with 404', async () => {
    const batchId = await issueBatch(t.app, regulator, { total: 1 })
    const parent = await signInParent(t.app)
    const stranger = await signInParent(t.app)
    const child = await addChild(t.app, parent)
    expect((await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, {}, parent.headers)).status).toBe(400)
    expect((await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: child.id }, stranger.headers)).status).toBe(404)
    expect((await requestJson(t.app, 'POST', '/api/v1/voucher-batches/nope/claims', { childId: child.id }, parent.headers)).status).toBe(404)
    const voucher = VoucherSchema.parse((await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: child.id }, parent.headers)).body)
    expect((await requestJson(t.app, 'GET', `/api/v1/me/vouchers/${voucher.id}`, undefined, stranger.headers)).status).toBe(404)
    const second = await addChild(t.app, stranger)
    const gone = await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: second.id }, stranger.headers)
    expect(gone.status).toBe(409)
    expect(error(gone).message).toBe(VOUCHER_MESSAGES.batchGone)
    const desk = await signInStaff(t, 'inst-v')
    expect((await requestJson(t.app, 'POST', '/api/v1/staff/vouchers/redeem', { code: '12' }, desk.headers)).status).toBe(400)
    expect((await requestJson(t.app, 'POST', `/api/v1/me/vouchers/${voucher.id}/booking`, { slotId: 'x', contactName: '王', contactPhone: '123' }, parent.headers)).status).toBe(400)
  })
})
