import type { ArticleFilter } from '@app/api/content'
import { StageIdSchema, StagesOverview, TopicIdSchema } from '@domain/content'

/** The browser's filter from its page address; unknown stage or topic ids are ignored, not an error page. */
export function filterFromParams(params: Partial<Record<string, string>>): ArticleFilter {
  const stage = StageIdSchema.safeParse(params.stage)
  const topic = TopicIdSchema.safeParse(params.topic)
  const q = params.q?.trim()
  return { ...(stage.success ? { stage: stage.data } : {}), ...(topic.success ? { topic: topic.data } : {}), ...(q ? { q } : {}) }
}

/** Tapping the chip that is on turns it off; another chip replaces it. */
export function toggled<T>(current: T | undefined, tapped: T): T | undefined {
  return current === tapped ? undefined : tapped
}

/** How many articles a topic chip leads to, within the chosen stage when there is one. */
export function topicCount(overview: StagesOverview | null, topic: string, stage: string | undefined): number | null {
  if (!overview) return null
  const list = stage ? overview.stages.find((s) => s.id === stage)?.topics : overview.topics
  return list?.find((t) => t.id === topic)?.articleCount ?? 0
}
