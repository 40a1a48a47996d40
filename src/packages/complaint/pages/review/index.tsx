import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ApiError, errorMessage } from '@app/api/ApiError'
import { getReviewEligibility, postReview } from '@app/api/reviews'
import { useRemote } from '@app/hooks/useRemote'
import { detailUrl } from '@app/navigation/routes'
import { NOT_VISITED_MESSAGE, REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS, REVIEW_TEXT_MAX, ReviewBodySchema, ReviewDimension } from '@domain/review'
import { AccountGate } from '@app/components/AccountGate'
import { FormField } from '@app/components/FormField'
import { PageRoot } from '@app/components/PageRoot'
import { decodeParam } from '@app/navigation/bookingRoutes'
import { reviewsUrl } from '@app/navigation/complaintRoutes'
import { FieldErrors, fieldErrorsFromServer, validateForm, withoutField } from '@app/lib/forms/formErrors'
import { ScoreInput } from '../../components/ScoreInput'
import '../../styles/complaint.scss'
import { replacePage } from '@app/navigation/navigate'

type Scores = Record<ReviewDimension, number | null>
const NO_SCORES = Object.fromEntries(REVIEW_DIMENSIONS.map((d) => [d, null])) as Scores

function ReviewForm({ institutionId, name }: { institutionId: string; name: string }) {
  const [scores, setScores] = useState<Scores>(NO_SCORES)
  const [text, setText] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const checked = validateForm(ReviewBodySchema, { scores: Object.fromEntries(REVIEW_DIMENSIONS.flatMap((d) => (scores[d] === null ? [] : [[d, scores[d]]]))), text })
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setFields({})
    setMessage(null)
    setBusy(true)
    try {
      await postReview(institutionId, checked.value)
      void replacePage(reviewsUrl(institutionId, name))
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'FORBIDDEN') setMessage(NOT_VISITED_MESSAGE)
      else {
        if (failure instanceof ApiError) setFields(fieldErrorsFromServer(failure))
        setMessage(errorMessage(failure))
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='review-form e2e-review-form'>
      <View className='section'>
        <Text className='section__title'>{name || '评价机构'}</Text>
        <Text className='muted'>只有参加过参观、开放日、试托或已入托的家长可以评价；再次提交会更新您之前的评价。</Text>
        {REVIEW_DIMENSIONS.map((dimension) => (
          <ScoreInput key={dimension} dimension={dimension} label={REVIEW_DIMENSION_LABELS[dimension]} value={scores[dimension]} onChange={(score) => {
              setScores((s) => ({ ...s, [dimension]: score }))
              setFields((f) => withoutField(f, 'scores'))
            }}
          />
        ))}
        {fields.scores && <Text className='form-field__error e2e-field-error'>{fields.scores}</Text>}
        <FormField
          label='说说您的感受（可不填）'
          className='e2e-review-text'
          multiline
          maxlength={REVIEW_TEXT_MAX}
          value={text}
          placeholder='环境、老师、饭菜、和家长的沟通……请不要写孩子或老师的真实姓名'
          hint='文字经内容安全检查后公开，评价人只显示昵称的第一个字。'
          onChange={setText}
          error={fields.text}
        />
        {message && <Text className='form-error e2e-review-error'>{message}</Text>}
        <View className={`btn btn--primary btn--block e2e-submit-review ${busy ? 'btn--busy' : ''}`} onClick={() => !busy && void submit()}>
          <Text>{busy ? '正在提交…' : '提交评价'}</Text>
        </View>
      </View>
    </View>
  )
}

/**
 * Eligibility first (issue 12): a parent who has not visited is told so, with the way to
 * visit, before any score is given; the server still decides on submit.
 */
function ReviewGate({ institutionId, name }: { institutionId: string; name: string }) {
  const [eligibility, retry] = useRemote(`eligibility-${institutionId}`, () => getReviewEligibility(institutionId))
  if (eligibility.status === 'loading') return <Text className='status e2e-review-checking'>正在确认评价资格…</Text>
  if (eligibility.status === 'error') {
    return (
      <View className='link' onClick={retry}>
        <Text className='form-error'>{eligibility.message}（点此重试）</Text>
      </View>
    )
  }
  if (!eligibility.value.mayReview) {
    return (
      <View className='section e2e-review-not-eligible'>
        <Text className='section__title'>{name || '评价机构'}</Text>
        <Text className='section__body'>{eligibility.value.reason ?? NOT_VISITED_MESSAGE}。</Text>
        <View className='btn btn--primary btn--block e2e-review-go-visit' onClick={() => void replacePage(detailUrl(institutionId))}>
          <Text>去预约参观或开放日</Text>
        </View>
      </View>
    )
  }
  return <ReviewForm institutionId={institutionId} name={name} />
}

/** 评价: six 1–5 scores and optional text, after a real visit (the server checks). */
export default function ReviewPage() {
  const params = useRouter().params
  const institutionId = decodeParam(params.institutionId)
  return (
    <PageRoot className='review-page'>
      {institutionId ? <AccountGate task='评价'>{() => <ReviewGate institutionId={institutionId} name={decodeParam(params.name) ?? ''} />}</AccountGate> : <Text className='status'>没有指定机构</Text>}
    </PageRoot>
  )
}
