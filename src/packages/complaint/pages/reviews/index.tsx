import { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { usePaged } from '@app/hooks/usePaged'
import { listReviews } from '@app/api/reviews'
import { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS, Review, ReviewPage } from '@domain/review'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { decodeParam } from '@app/navigation/bookingRoutes'
import { reviewFormUrl } from '@app/navigation/complaintRoutes'
import { ReviewSummaryCard } from '../../components/ReviewSummaryCard'
import { describeMoment } from '../../lib/complaintText'
import '../../styles/complaint.scss'
import { openPage } from '@app/navigation/navigate'

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

/** 家长评价: the summary, then reviews newest first, 20 at a time. */
export default function ReviewsPage() {
  const params = useRouter().params
  const institutionId = decodeParam(params.institutionId) ?? ''
  const name = decodeParam(params.name) ?? ''
  const [revision, setRevision] = useState(0)
  useDidShow(() => setRevision((r) => r + 1))
  const reviews = usePaged<Review, ReviewPage>(`${institutionId}-${revision}`, (cursor) => listReviews(institutionId, cursor))

  return (
    <PageRoot className='reviews-page'>
      {name && <Text className='page-title'>{name}</Text>}
      {reviews.status === 'loading' && <LoadingView />}
      {reviews.status === 'error' && <ErrorView message={reviews.error ?? ''} onRetry={() => void reviews.refresh()} />}
      {reviews.status === 'ready' && reviews.first && (
        <>
          <ReviewSummaryCard summary={reviews.first.summary} />
          <View className='section e2e-review-list'>
            {reviews.items.length === 0 && <Text className='muted e2e-no-reviews'>还没有家长评价</Text>}
            {reviews.items.map((review) => (
              <ReviewItem key={review.id} review={review} />
            ))}
            {reviews.hasMore && (
              <View className='btn btn--block e2e-more-reviews' onClick={reviews.loadMore}>
                <Text>{reviews.loadingMore ? '正在加载…' : '加载更多'}</Text>
              </View>
            )}
          </View>
        </>
      )}
      <View className='section'>
        <View className='btn btn--primary btn--block e2e-write-review' onClick={() => void openPage(reviewFormUrl(institutionId, name))}>
          <Text>我去过，写评价</Text>
        </View>
      </View>
    </PageRoot>
  )
}
