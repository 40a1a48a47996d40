import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { listStaffReviews, replyToReview } from '@app/api/workbench'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { Review } from '@domain/review'
import '../../styles/workbench.scss'

function ReviewCard({ review, onReplied }: { review: Review; onReplied: () => void }) {
  const [text, setText] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  return (
    <View className='workbench-card e2e-staff-review'>
      <Text className='workbench-card__title'>{`${review.reviewer} · ${review.overall} 分`}</Text>
      {review.text && <Text className='workbench-card__text'>{review.text}</Text>}
      {review.reply ? (
        <Text className='workbench-card__text e2e-review-reply'>{`机构回复：${review.reply.text ?? '（审核中）'}`}</Text>
      ) : (
        <>
          <Input className='workbench-input e2e-review-reply-text' value={text} placeholder='回复家长（公开显示，每条评价回复一次）' onInput={(e) => setText(e.detail.value)} />
          <View className='btn btn--primary e2e-review-reply-send' onClick={() => void replyToReview(review.id, text).then(onReplied, (error) => setMessage(errorMessage(error)))}>
            <Text>回复</Text>
          </View>
        </>
      )}
      {message && <Text className='form-error'>{message}</Text>}
    </View>
  )
}

/** 家长评价: the institution's reviews, newest first, each answered once. */
export default function StaffReviewsPage() {
  const [revision, setRevision] = useState(0)
  const [list, retry] = useRemote(`staff-reviews-${revision}`, listStaffReviews)
  return (
    <PageRoot className='workbench e2e-staff-reviews'>
      {list.status === 'loading' && <LoadingView />}
      {list.status === 'error' && <ErrorView message={list.message} onRetry={retry} />}
      {list.status === 'ready' && (
        <View className='workbench__grid'>
          {list.value.length === 0 && <Text className='workbench__sub'>还没有评价</Text>}
          {list.value.map((review) => (
            <ReviewCard key={review.id} review={review} onReplied={() => setRevision((r) => r + 1)} />
          ))}
        </View>
      )}
    </PageRoot>
  )
}
