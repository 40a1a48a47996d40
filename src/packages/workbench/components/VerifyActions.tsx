import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { acceptRectification, returnRectification } from '@app/api/oversight'
import { RectificationNotice } from '@domain/oversight'

/** The regulator's verdict on a waiting report: 核验通过, or 退回 with the reason the institution reads. */
export function VerifyActions({ notice, onDone }: { notice: RectificationNotice; onDone: () => void }) {
  const [text, setText] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const fail = (error: unknown) => setMessage(errorMessage(error))
  return (
    <View className='notice__form'>
      <Input className='workbench-input e2e-verify-text' value={text} placeholder='核验意见，或退回的理由（机构可见）' onInput={(e) => setText(e.detail.value)} />
      {message && <Text className='form-error'>{message}</Text>}
      <View className='workbench-card__actions'>
        <View className='btn btn--primary e2e-verify-accept' onClick={() => acceptRectification(notice.id, text.trim() || undefined).then(onDone, fail)}>
          <Text>核验通过</Text>
        </View>
        <View className='btn e2e-verify-return' onClick={() => returnRectification(notice.id, text).then(onDone, fail)}>
          <Text>退回重新整改</Text>
        </View>
      </View>
    </View>
  )
}
