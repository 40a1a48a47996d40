import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { z } from 'zod'
import { errorMessage } from '@app/api/ApiError'
import { lookUpComplaint } from '@app/api/complaints'
import { PhoneLast4Schema, TrackingNoSchema } from '@domain/complaint'
import { FormField } from '@app/components/FormField'
import { PageRoot } from '@app/components/PageRoot'
import { useSession } from '@app/hooks/useSession'
import { COMPLAINT_ROUTES, complaintDetailUrl, complaintFormUrl } from '@app/navigation/complaintRoutes'
import { FieldErrors, validateForm } from '@app/lib/forms/formErrors'
import '../../styles/complaint.scss'
import { openPage } from '@app/navigation/navigate'

const LookupSchema = z.object({ trackingNo: TrackingNoSchema, phoneLast4: PhoneLast4Schema })

/**
 * 马上查: the tracking number and the phone's last four digits, no sign-in. The server
 * answers a wrong pair exactly like a missing number, and so does this page.
 */
export default function LookupPage() {
  const { session } = useSession()
  const [trackingNo, setTrackingNo] = useState('')
  const [phoneLast4, setPhoneLast4] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // A parent correcting a typo should not keep reading the last answer (issue 12).
  const typed = (set: (value: string) => void, field: string) => (value: string) => {
    set(value)
    setMessage(null)
    setFields((current) => {
      if (!(field in current)) return current
      const { [field]: _cleared, ...rest } = current
      return rest
    })
  }

  const lookUp = async () => {
    const checked = validateForm(LookupSchema, { trackingNo, phoneLast4 })
    if (!checked.ok) return setFields(checked.fields)
    setFields({})
    setMessage(null)
    setBusy(true)
    try {
      // Ask first, so a wrong pair is said here rather than on an empty detail page.
      await lookUpComplaint(checked.value.trackingNo, checked.value.phoneLast4)
      void openPage(complaintDetailUrl(checked.value.trackingNo, checked.value.phoneLast4))
    } catch (failure) {
      setMessage(failure instanceof Error && 'status' in failure && failure.status === 404 ? '没有找到：请核对查询码和手机号后四位' : errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className='complaint-lookup-page'>
      <View className='section e2e-lookup-form'>
        <Text className='section__title'>查询投诉进度</Text>
        <FormField label='查询码' className='e2e-lookup-tracking-no' value={trackingNo} maxlength={32} placeholder='如 TS20261122-7F3K9Q，大小写、横线都可以' onChange={typed(setTrackingNo, 'trackingNo')} error={fields.trackingNo} />
        <FormField label='手机号后四位' className='e2e-lookup-phone-last4' type='number' maxlength={4} value={phoneLast4} placeholder='投诉时填写的手机号' onChange={typed(setPhoneLast4, 'phoneLast4')} error={fields.phoneLast4} />
        {message && <Text className='form-error e2e-lookup-error'>{message}</Text>}
        <View className={`btn btn--primary btn--block e2e-lookup-submit ${busy ? 'btn--busy' : ''}`} onClick={() => !busy && void lookUp()}>
          <Text>{busy ? '正在查询…' : '查询'}</Text>
        </View>
      </View>
      <View className='section'>
        {session && (
          <View className='link-row e2e-my-complaints-link' onClick={() => void openPage(COMPLAINT_ROUTES.mine)}>
            <Text>我的投诉</Text>
            <Text className='link-row__arrow'>›</Text>
          </View>
        )}
        <View className='link-row e2e-new-complaint-link' onClick={() => void openPage(complaintFormUrl())}>
          <Text>我要投诉</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
    </PageRoot>
  )
}
