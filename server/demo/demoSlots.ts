import { Database } from '../platform/db/database'
import { SlotKind } from '@domain/slot'
import { inShanghai } from '@domain/shanghaiTime'
import { SEED_DISTRICTS } from '../features/find/districtCatalog'
import { createRandom } from './random'
import { NewSlot } from '../features/booking/slotRepository'
import { hashCode } from './numbers'

/*
 * Bookable demo slots (演示数据) for 入托网上约: a few institutions per district publish open
 * days, visits, trials and parent classes over the next four weeks. Dates are relative to
 * today in Asia/Shanghai, so the demo always has something to book; everything else is
 * seeded by institution and day, so two runs on the same day write the same rows.
 * Run at every start: ids are derived, so days already written are left alone (bookings
 * keep their places) and new days are added as time passes.
 */

export const DEMO_SLOT_DAYS = 28
export const DEMO_SLOT_INSTITUTIONS_PER_DISTRICT = 6

interface SlotPattern {
  kind: SlotKind
  /** Days of the week it may fall on, 0 = Sunday. */
  weekdays: number[]
  start: string
  minutes: number
  capacity: [number, number]
  /** Chance the institution holds it on a matching day. */
  chance: number
  requiresConfirmation: boolean
  title: string
}

const PATTERNS: SlotPattern[] = [
  { kind: 'open_day', weekdays: [6], start: '09:30', minutes: 90, capacity: [12, 20], chance: 0.8, requiresConfirmation: false, title: '托育开放日：参观园所、和老师面对面' },
  { kind: 'visit', weekdays: [2, 4], start: '15:00', minutes: 45, capacity: [3, 5], chance: 0.6, requiresConfirmation: false, title: '预约参观（小范围，老师带看）' },
  { kind: 'trial', weekdays: [3], start: '09:00', minutes: 150, capacity: [2, 4], chance: 0.5, requiresConfirmation: true, title: '半日试托（家长可陪同）' },
  { kind: 'lecture', weekdays: [0], start: '10:00', minutes: 60, capacity: [20, 40], chance: 0.4, requiresConfirmation: false, title: '家长课堂：婴幼儿睡眠与作息' },
]

/** A demo slot is inserted like any slot staff publish. */
export type DemoSlot = NewSlot


/** The slots of these institutions from tomorrow for `days` days (pure; tests call it). */
export function generateDemoSlots(institutionIds: readonly string[], now: Date = new Date(), days = DEMO_SLOT_DAYS): DemoSlot[] {
  const tomorrow = inShanghai(now).startOf('day').add(1, 'day')
  const slots: DemoSlot[] = []
  for (const institutionId of institutionIds) {
    for (let offset = 0; offset < days; offset++) {
      const day = tomorrow.add(offset, 'day')
      const date = day.format('YYYY-MM-DD')
      const random = createRandom(hashCode(`${institutionId}|${date}`))
      for (const pattern of PATTERNS) {
        if (!pattern.weekdays.includes(day.day()) || !random.chance(pattern.chance)) continue
        const [hour, minute] = pattern.start.split(':').map(Number)
        const starts = day.hour(hour).minute(minute)
        slots.push({
          id: `demo-${institutionId}-${date}-${pattern.kind}`,
          institutionId,
          kind: pattern.kind,
          title: pattern.title,
          startsAt: starts.format(),
          endsAt: starts.add(pattern.minutes, 'minute').format(),
          capacity: random.int(pattern.capacity[0], pattern.capacity[1]),
          requiresConfirmation: pattern.requiresConfirmation,
        })
      }
    }
  }
  return slots
}

/**
 * The demo institutions that publish slots: the first few by id in each of the five demo
 * districts. The benchmarks' synthetic cities get none, so a start on a national-size
 * data folder does not pay for thousands of slots.
 */
async function demoSlotInstitutions(db: Database): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `select id from (
       select id, row_number() over (partition by district_code order by id) as n
       from institutions
       where is_demo and district_code = any($2::text[])
     ) ranked
     where n <= $1
     order by id`,
    [DEMO_SLOT_INSTITUTIONS_PER_DISTRICT, SEED_DISTRICTS.map((district) => district.code)],
  )
  return result.rows.map((row) => row.id)
}

/** Writes the next weeks' demo slots that are not there yet; returns how many it added. */
export async function ensureDemoSlots(db: Database, now: Date = new Date()): Promise<number> {
  const slots = generateDemoSlots(await demoSlotInstitutions(db), now)
  if (slots.length === 0) return 0
  return db.transaction(async (tx) => {
    let added = 0
    for (let i = 0; i < slots.length; i += 100) {
      const batch = slots.slice(i, i + 100)
      const values = batch.map((_, j) => `($${j * 8 + 1}, $${j * 8 + 2}, $${j * 8 + 3}, $${j * 8 + 4}, $${j * 8 + 5}, $${j * 8 + 6}, $${j * 8 + 7}, $${j * 8 + 8})`)
      const params = batch.flatMap((s) => [s.id, s.institutionId, s.kind, s.title, s.startsAt, s.endsAt, s.capacity, s.requiresConfirmation])
      const result = await tx.query(
        `insert into slots (id, institution_id, kind, title, starts_at, ends_at, capacity, requires_confirmation)
         values ${values.join(', ')}
         on conflict (id) do nothing`,
        params,
      )
      added += result.rowCount
    }
    return added
  })
}
