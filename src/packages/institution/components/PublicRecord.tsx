import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { listReviews } from '@app/api/reviews'
import { InstitutionDetail } from '@domain/institution'
import { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS } from '@domain/review'
import { useRemote } from '@app/hooks/useRemote'
import { complaintFormUrl, reviewFormUrl, reviewsUrl } from '@app/navigation/complaintRoutes'
import { openPage } from '@app/navigation/navigate'

/** Complaint counts by outcome: how many, and what became of them — never who complained. */
function ComplaintCounts({ institution: inst }: { institution: InstitutionDetail }) {
  const stats = inst.complaintStatistics
  if (!stats || stats.total === 0) return <Text className='section__body e2e-complaint-stats'>暂无投诉记录</Text>
  return (
    <Text className='section__body e2e-complaint-stats'>
      投诉 {stats.total} 件：已办结 {stats.resolved} · 处理中 {stats.inProgress} · 不予受理 {stats.rejected}
    </Text>
  )
}

/** Parents' ratings in one line per dimension, from the first page of GET /reviews. */
function ReviewsBrief({ institution: inst }: { institution: InstitutionDetail }) {
  // Back from writing a review, the page is shown again without reloading: fetch again.
  // (This mounts once the institution has loaded, after the page's first show.)
  const [revision, setRevision] = useState(0)
  useDidShow(() => setRevision((r) => r + 1))
  const [reviews] = useRemote(`reviews-${inst.id}-${revision}`, () => listReviews(inst.id))
  if (reviews.status === 'loading') return <Text className='muted'>正在加载评价…</Text>
  if (reviews.status === 'error') return <Text className='muted'>{reviews.message}</Text>
  const { summary } = reviews.value
  if (summary.count === 0) return <Text className='section__body e2e-reviews-brief'>还没有家长评价</Text>
  return (
    <View className='e2e-reviews-brief'>
      <Text className='section__body'>
        家长评分 {summary.average?.toFixed(1) ?? '—'}（{summary.count} 人）
      </Text>
      <Text className='muted'>{REVIEW_DIMENSIONS.map((d) => `${REVIEW_DIMENSION_LABELS[d]} ${summary.dimensions[d]?.toFixed(1) ?? '—'}`).join(' · ')}</Text>
    </View>
  )
}

/**
 * 公开记录 beside the inspections: complaint outcomes and parents' ratings, with the ways
 * in — read the reviews, write one after a visit, or complain (投诉马上查).
 */
export function PublicRecord({ institution: inst }: { institution: InstitutionDetail }) {
  const go = (url: string) => () => void openPage(url)
  return (
    <View className='public-record e2e-public-record'>
      <ComplaintCounts institution={inst} />
      <ReviewsBrief institution={inst} />
      <View className='actions'>
        <View className='btn e2e-read-reviews' onClick={go(reviewsUrl(inst.id, inst.name))}>
          <Text>看评价</Text>
        </View>
        <View className='btn e2e-write-review' onClick={go(reviewFormUrl(inst.id, inst.name))}>
          <Text>写评价</Text>
        </View>
        <View className='btn e2e-complain' onClick={go(complaintFormUrl({ id: inst.id, name: inst.name }))}>
          <Text>投诉</Text>
        </View>
      </View>
    </View>
  )
}
