import { InstitutionRecord } from '@domain/institutionRecord'
import { overallScore, REVIEW_DIMENSIONS, ReviewScores, SCORE_MAX, SCORE_MIN } from '@domain/review'
import { Queryable } from '../platform/db/database'
import { createRandom, Random } from './random'

/*
 * Demo ratings as real review rows (issue 12, "one truth per number"): the rating on a
 * card, the detail header and the reviews page are all read from the same rows, so the
 * demo seeds rows — by demo parents (演示家长), with texts that say 演示 — and sets
 * each institution's rating_sum / rating_count from them, never from a made-up count.
 */

/** Enough reviews to tell places apart, few enough that the first start stays quick. */
const MAX_REVIEWS_PER_INSTITUTION = 12
const DEMO_PARENTS = MAX_REVIEWS_PER_INSTITUTION
const ROWS_PER_INSERT = 400

const DEMO_TEXTS = [
  '（演示评价）老师很有耐心，孩子适应得比预想快。',
  '（演示评价）环境干净，每天有照片和成长记录。',
  '（演示评价）饭菜清淡，午睡安排得好。',
  '（演示评价）接送时间比较灵活，沟通及时。',
  '（演示评价）费用稍高，但老师专业。',
]

export function demoParentId(n: number): string {
  return `demo-parent-${String(n).padStart(2, '0')}`
}

interface DemoReview {
  id: string
  institutionId: string
  userId: string
  scores: ReviewScores
  overall: number
  text: string | null
}

/** The reviews of one institution: the generator's count (capped) around its planned average. */
export function demoReviewsOf(institution: Pick<InstitutionRecord, 'id' | 'ratingSum' | 'ratingCount'>, random: Random): DemoReview[] {
  if (institution.ratingCount === 0) return []
  const count = Math.min(institution.ratingCount, random.int(1, MAX_REVIEWS_PER_INSTITUTION))
  const planned = institution.ratingSum / institution.ratingCount
  return Array.from({ length: count }, (_, n) => {
    const score = () => Math.max(SCORE_MIN, Math.min(SCORE_MAX, Math.round(planned + random.between(-1, 1))))
    const scores = Object.fromEntries(REVIEW_DIMENSIONS.map((d) => [d, score()])) as ReviewScores
    return {
      id: `${institution.id}-review-${n + 1}`,
      institutionId: institution.id,
      userId: demoParentId(n + 1),
      scores,
      overall: overallScore(scores),
      text: random.chance(0.4) ? random.pick(DEMO_TEXTS) : null,
    }
  })
}

/**
 * Plans the demo reviews and gives each demo institution the rating of exactly those
 * rows, before it is written; insertDemoReviews then stores the rows.
 */
export function planDemoReviews(institutions: readonly InstitutionRecord[], seed = 20261129): { institutions: InstitutionRecord[]; reviews: DemoReview[] } {
  const random = createRandom(seed)
  const reviews: DemoReview[] = []
  const rated = institutions.map((institution) => {
    if (!institution.isDemo) return institution
    const own = demoReviewsOf(institution, random)
    reviews.push(...own)
    return { ...institution, ratingSum: own.reduce((sum, r) => sum + r.overall, 0), ratingCount: own.length }
  })
  return { institutions: rated, reviews }
}

/** The demo parents and their reviews; a second run inserts nothing. */
export async function insertDemoReviews(db: Queryable, reviews: readonly DemoReview[]): Promise<void> {
  for (let n = 1; n <= DEMO_PARENTS; n++) {
    await db.query(`insert into users (id, nickname) values ($1, '演示家长') on conflict (id) do nothing`, [demoParentId(n)])
  }
  const columns = ['id', 'institution_id', 'user_id', ...REVIEW_DIMENSIONS, 'overall', 'text', 'text_status']
  for (let start = 0; start < reviews.length; start += ROWS_PER_INSERT) {
    const values: unknown[] = []
    const rows = reviews.slice(start, start + ROWS_PER_INSERT).map((r) => {
      const row = [r.id, r.institutionId, r.userId, ...REVIEW_DIMENSIONS.map((d) => r.scores[d]), r.overall, r.text, r.text === null ? null : 'shown']
      const placeholders = row.map((value) => {
        values.push(value)
        return `$${values.length}`
      })
      return `(${placeholders.join(', ')})`
    })
    await db.query(`insert into reviews (${columns.join(', ')}) values ${rows.join(', ')} on conflict (id) do nothing`, values)
  }
}
