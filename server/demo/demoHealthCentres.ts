import { inShanghai } from '@domain/shanghaiTime'
import { Database } from '../platform/db/database'
import { SEED_DISTRICTS, SeedDistrict } from '../features/find/districtCatalog'

/*
 * Demo maternal and child health centres (演示数据) and their 生命1000天 lectures: per demo
 * district one 妇幼保健院 and two 社区卫生服务中心, each holding lectures over the next four
 * weeks, dated from today in Asia/Shanghai. They are rows of institutions with the filing
 * status not_childcare (006_content.sql), so their lectures are booked like any slot and the
 * childcare search never lists them. Ids and everything else derive from the district, the
 * centre and the day, so every start writes the same rows and only adds days as time passes.
 */

export const HEALTH_CENTRE_LECTURE_DAYS = 28

interface CentrePlan {
  suffix: string
  kind: 'maternal_child_health' | 'community_health'
  name: (district: SeedDistrict) => string
  /** Which of the district's streets it stands in. */
  streetIndex: number
  /** Days of the week it holds a lecture, 0 = Sunday, with the lecture's topic. */
  lectures: Array<{ weekday: number; start: string; minutes: number; capacity: number; title: string }>
}

const PLANS: CentrePlan[] = [
  {
    suffix: 'mch',
    kind: 'maternal_child_health',
    name: (d) => `${d.name}妇幼保健院（演示数据）`,
    streetIndex: 0,
    lectures: [
      { weekday: 2, start: '14:30', minutes: 90, capacity: 60, title: '孕妇学校：孕期营养与体重管理' },
      { weekday: 4, start: '14:30', minutes: 90, capacity: 60, title: '孕妇学校：分娩准备与母乳喂养' },
      { weekday: 6, start: '09:30', minutes: 90, capacity: 40, title: '生命1000天讲座：0–6 月婴儿喂养与睡眠' },
    ],
  },
  {
    suffix: 'chc-1',
    kind: 'community_health',
    name: (d) => `${d.streets[1 % d.streets.length].name}社区卫生服务中心（演示数据）`,
    streetIndex: 1,
    lectures: [
      { weekday: 3, start: '15:00', minutes: 60, capacity: 30, title: '家长课堂：预防接种那些事' },
      { weekday: 6, start: '15:00', minutes: 60, capacity: 30, title: '家长课堂：辅食添加从第一口开始' },
    ],
  },
  {
    suffix: 'chc-2',
    kind: 'community_health',
    name: (d) => `${d.streets[2 % d.streets.length].name}社区卫生服务中心（演示数据）`,
    streetIndex: 2,
    lectures: [
      { weekday: 5, start: '15:00', minutes: 60, capacity: 30, title: '家长课堂：婴幼儿常见病居家护理' },
      { weekday: 0, start: '10:00', minutes: 60, capacity: 30, title: '家长课堂：1–3 岁早期发展与亲子游戏' },
    ],
  },
]

export interface DemoHealthCentre {
  id: string
  name: string
  kind: CentrePlan['kind']
  districtCode: string
  street: string
  address: string
  lat: number
  lng: number
  phone: string
}

export function demoHealthCentres(districts: readonly SeedDistrict[] = SEED_DISTRICTS): DemoHealthCentre[] {
  return districts.flatMap((district) =>
    PLANS.map((plan, index) => {
      const street = district.streets[plan.streetIndex % district.streets.length]
      // a little off the street's centre, so the centres of one district do not overlap on a map
      const offset = (index + 1) * 0.004
      return {
        id: `demo-health-${district.code}-${plan.suffix}`,
        name: plan.name(district),
        kind: plan.kind,
        districtCode: district.code,
        street: street.name,
        address: `${district.addressPrefix}${street.area ?? ''}${street.name}健康路${10 + index * 8}号（演示地址）`,
        lat: street.lat + offset,
        lng: street.lng - offset,
        phone: `${district.areaCode}-0000000${index}`,
      }
    }),
  )
}

export interface DemoLecture {
  id: string
  centreId: string
  title: string
  startsAt: string
  endsAt: string
  capacity: number
}

/** The centres' lectures from tomorrow for `days` days (pure; tests call it). */
export function demoHealthCentreLectures(centres: readonly DemoHealthCentre[], now: Date = new Date(), days = HEALTH_CENTRE_LECTURE_DAYS): DemoLecture[] {
  const tomorrow = inShanghai(now).startOf('day').add(1, 'day')
  const lectures: DemoLecture[] = []
  for (const centre of centres) {
    const plan = PLANS.find((p) => centre.id.endsWith(`-${p.suffix}`))!
    for (let offset = 0; offset < days; offset++) {
      const day = tomorrow.add(offset, 'day')
      for (const lecture of plan.lectures) {
        if (lecture.weekday !== day.day()) continue
        const [hour, minute] = lecture.start.split(':').map(Number)
        const starts = day.hour(hour).minute(minute)
        lectures.push({
          id: `${centre.id}-${day.format('YYYY-MM-DD')}-${hour}${minute}`,
          centreId: centre.id,
          title: lecture.title,
          startsAt: starts.format(),
          endsAt: starts.add(lecture.minutes, 'minute').format(),
          capacity: lecture.capacity,
        })
      }
    }
  }
  return lectures
}

/**
 * Writes the demo centres of the demo districts present in the database and the lectures
 * not there yet; returns how many lectures it added. A database without the demo
 * districts (a real deployment's import) gets none.
 */
export async function ensureDemoHealthCentres(db: Database, now: Date = new Date()): Promise<number> {
  const present = await db.query<{ code: string }>(`select code from districts where code = any($1::text[])`, [SEED_DISTRICTS.map((d) => d.code)])
  const codes = new Set(present.rows.map((row) => row.code))
  const centres = demoHealthCentres(SEED_DISTRICTS.filter((d) => codes.has(d.code)))
  if (centres.length === 0) return 0
  const filedOn = '2020-01-01'
  return db.transaction(async (tx) => {
    for (const c of centres) {
      await tx.query(
        `insert into institutions (id, name, kind, district_code, street, address, lat, lng, affordable,
           filing_number, filed_on, filing_authority, filing_status, min_age_months, max_age_months,
           capacity, enrolled, hours_days, opens_at, closes_at, contact_phone, description, search_text, is_demo)
         values ($1, $2, $3, $4, $5, $6, $7, $8, false,
           $9, $10, '不适用（医疗卫生机构，非托育备案）', 'not_childcare', 0, 36,
           0, 0, '周一至周五', '08:00', '17:30', $11, '本条为系统生成的演示数据，并非真实机构。', $12, true)
         on conflict (id) do nothing`,
        [c.id, c.name, c.kind, c.districtCode, c.street, c.address, c.lat, c.lng, `HEALTH-${c.id}`, filedOn, c.phone, c.name.toLowerCase()],
      )
    }
    let added = 0
    for (const lecture of demoHealthCentreLectures(centres, now)) {
      const result = await tx.query(
        `insert into slots (id, institution_id, kind, title, starts_at, ends_at, capacity, requires_confirmation)
         values ($1, $2, 'lecture', $3, $4, $5, $6, false)
         on conflict (id) do nothing`,
        [lecture.id, lecture.centreId, lecture.title, lecture.startsAt, lecture.endsAt, lecture.capacity],
      )
      added += result.rowCount
    }
    return added
  })
}
