import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { giveComplaintFeedback, requestReexamination } from '@app/api/complaints'
import { Chip } from '@app/components/Chip'
import { FormField } from '@app/components/FormField'
import { Complaint, ComplaintFeedbackBodySchema, ComplaintReexaminationBodySchema } from '@domain/complaint'
import { FieldErrors, validateForm } from '@app/lib/forms/formErrors'
import { describeMoment } from '../lib/complaintText'

/**
 * Once resolved: 满意吗? (once), and, if not, 申请复核 until the 15-day limit the server
 * states in `reexaminationUntil`. Either answer comes back as the complaint, timeline and all.
 */
export function ComplaintAnswer({ complaint, onChanged }: { complaint: Complaint; onChanged: (next: Complaint) => void }) {
  const [satisfied, setSatisfied] = useState<boolean | null>(null)
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (call: () => Promise<Complaint>) => {
    setBusy(true)
    setMessage(null)
    try {
      onChanged(await call())
    } catch (failure) {
      setMessage(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  const sendFeedback = () => {
    const checked = validateForm(ComplaintFeedbackBodySchema, { satisfied: satisfied ?? undefined, ...(comment.trim() ? { comment } : {}) })
    if (!checked.ok) return setFields(checked.fields)
    setFields({})
    void run(() => giveComplaintFeedback(complaint.trackingNo, checked.value))
  }

  const sendReexamination = () => {
    const checked = validateForm(ComplaintReexaminationBodySchema, { reason })
    if (!checked.ok) return setFields(checked.fields)
    setFields({})
    void run(() => requestReexamination(complaint.trackingNo, checked.value))
  }

  return (
    <View className='section e2e-complaint-answer'>
      {complaint.feedback ? (
        <View className='e2e-feedback-given'>
          <Text className='section__title'>您的评价</Text>
          <Text className='section__body'>{complaint.feedback.satisfied ? '满意' : '不满意'}</Text>
          {complaint.feedback.comment && <Text className='section__body'>{complaint.feedback.comment}</Text>}
        </View>
      ) : (
        complaint.canGiveFeedback && (
          <View className='e2e-feedback-form'>
            <Text className='section__title'>对处理结果满意吗？</Text>
            <View className='chip-row'>
              <Chip label='满意' className='e2e-feedback-satisfied' selected={satisfied === true} onTap={() => setSatisfied(true)} />
              <Chip label='不满意' className='e2e-feedback-unsatisfied' selected={satisfied === false} onTap={() => setSatisfied(false)} />
            </View>
            {fields.satisfied && <Text className='form-field__error e2e-field-error'>{fields.satisfied}</Text>}
            <FormField label='想说的话（可不填）' className='e2e-feedback-comment' multiline maxlength={500} value={comment} onChange={setComment} error={fields.comment} />
            <View className={`btn btn--primary btn--block e2e-send-feedback ${busy ? 'btn--busy' : ''}`} onClick={() => !busy && sendFeedback()}>
              <Text>提交评价</Text>
            </View>
          </View>
        )
      )}
      {complaint.reexaminationUntil && (
        <View className='e2e-reexamination-form'>
          <Text className='section__title'>申请复核</Text>
          <Text className='section__body'>对处理结果有异议，可以在 {describeMoment(complaint.reexaminationUntil)} 前申请复核一次。</Text>
          <FormField label='复核理由' className='e2e-reexamination-reason' multiline maxlength={1000} value={reason} onChange={setReason} error={fields.reason} />
          <View className={`btn btn--block e2e-send-reexamination ${busy ? 'btn--busy' : ''}`} onClick={() => !busy && sendReexamination()}>
            <Text>申请复核</Text>
          </View>
        </View>
      )}
      {message && <Text className='form-error e2e-answer-error'>{message}</Text>}
    </View>
  )
}
