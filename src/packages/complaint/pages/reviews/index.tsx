import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { listReviews } from '@app/api/reviews'
import { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS, Review, ReviewSummary } from '@domain/review'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { decodeParam } from '@app/navigation/bookingRoutes'
import { reviewFormUrl } from '@app/navigation/complaintRoutes'
import { ReviewSummaryCard } from '../../components/ReviewSummaryCard'
import { describeMoment } from '../../lib/complaintText'

function ReviewItem({ review }: { review: Review }) {
  return (
    <View className='review e2e-review' data-review-id={review.id}>
      <View className='review__head'>
        <Text className='review__reviewer e2e-reviewer'>{review.reviewer}</Text>
        <Text className='review__overall'>{'★'.repeat(review.overall)}</Text>
      </View>
      <Text className='review__scores'>{REVIEW_DIMENSIONS.map((d) => `${REVIEW_DIMENSION_LABELS[d]} ${review.scores[d]}`).join(' · ')}</Text>
      {review.text && <Text className='review__text e2e-review-text-shown'>{review.text}</Text>}
      {review.textStatus === 'held' && <Text className='muted'>文字评价正在审核，通过后显示</Text>}
      <Text className='muted'>{describeMoment(review.updatedAt)}</Text>
      {review.reply && (
        <View className='review__reply e2e-review-reply'>
          <Text className='review__reply-title'>机构回复</Text>
          <Text>{review.reply.text}</Text>
        </View>
      )}
    </View>
  )
}

type Loaded = { items: Review[]; nextCursor: string | null; summary: ReviewSummary }

/** 家长评价: the summary, then reviews newest first, 20 at a time. */
export default function ReviewsPage() {
  const params = useRouter().params
  const institutionId = decodeParam(params.institutionId) ?? ''
  const name = decodeParam(params.name) ?? ''
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: Loaded; more: boolean }>({ status: 'loading' })
  const [revision, setRevision] = useState(0)
  useDidShow(() => setRevision((r) => r + 1))

  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    listReviews(institutionId).then(
      (page) => live && setState({ status: 'ready', value: page, more: false }),
      (failure) => live && setState({ status: 'error', message: errorMessage(failure) }),
    )
    return () => {
      live = false
    }
  }, [institutionId, revision])

  const loadMore = () => {
    if (state.status !== 'ready' || !state.value.nextCursor || state.more) return
    const current = state.value
    setState({ ...state, more: true })
    listReviews(institutionId, current.nextCursor).then(
      (page) => setState({ status: 'ready', value: { items: [...current.items, ...page.items], nextCursor: page.nextCursor, summary: page.summary }, more: false }),
      () => setState({ status: 'ready', value: current, more: false }),
    )
  }

  return (
    <PageRoot className='reviews-page'>
      {name && <Text className='page-title'>{name}</Text>}
      {state.status === 'loading' && <LoadingView />}
      {state.status === 'error' && <ErrorView message={state.message} onRetry={() => setRevision((r) => r + 1)} />}
      {state.status === 'ready' && (
        <>
          <ReviewSummaryCard summary={state.value.summary} />
          <View className='section e2e-review-list'>
            {state.value.items.length === 0 && <Text className='muted e2e-no-reviews'>还没有家长评价</Text>}
            {state.value.items.map((review) => (
              <ReviewItem key={review.id} review={review} />
            ))}
            {state.value.nextCursor && (
              <View className='btn btn--block e2e-more-reviews' onClick={loadMore}>
                <Text>{state.more ? '正在加载…' : '加载更多'}</Text>
              </View>
            )}
          </View>
        </>
      )}
      <View className='section'>
        <View className='btn btn--primary btn--block e2e-write-review' onClick={() => void Taro.navigateTo({ url: reviewFormUrl(institutionId, name) })}>
          <Text>我去过，写评价</Text>
        </View>
      </View>
    </PageRoot>
  )
}
