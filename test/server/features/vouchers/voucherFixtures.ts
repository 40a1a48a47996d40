import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { todayInShanghai } from '@domain/shanghaiTime'
import { AppTarget, requestJson, TestSession } from '@test/support/session'

dayjs.extend(utc)

/* Shared set-up of the 体验券 tests. */

export function daysFromToday(days: number): string {
  return dayjs.utc(todayInShanghai()).add(days, 'day').format('YYYY-MM-DD')
}

export function batchBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: '渝北托育体验券（第一批）', total: 50, validFrom: daysFromToday(0), validUntil: daysFromToday(30), institutionIds: ['inst-v'], ...overrides }
}

export async function issueBatch(app: AppTarget, regulator: TestSession, overrides: Record<string, unknown> = {}): Promise<string> {
  const answer = await requestJson(app, 'POST', '/api/v1/regulator/voucher-batches', batchBody(overrides), regulator.headers)
  if (answer.status !== 201) throw new Error(`issue batch: ${answer.status} ${JSON.stringify(answer.body)}`)
  return (answer.body as { id: string }).id
}
