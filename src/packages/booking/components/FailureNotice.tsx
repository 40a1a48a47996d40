import { View, Text } from '@tarojs/components'
import { FailureAdvice } from '../lib/bookingErrors'

/** A refused booking or application: what happened and what to do, with the one next step. */
export function FailureNotice({
  failure,
  onRetry,
  onPickOtherSlot,
}: {
  failure: FailureAdvice
  onRetry?: () => void
  onPickOtherSlot?: () => void
}) {
  return (
    <View className={`notice notice--error e2e-failure e2e-failure-${failure.action}`}>
      <Text className='notice__title e2e-failure-message'>{failure.message}</Text>
      {failure.advice && <Text className='notice__body'>{failure.advice}</Text>}
      {failure.action === 'retry' && onRetry && (
        <View className='btn btn--primary e2e-failure-retry' onClick={onRetry}>
          <Text>重试</Text>
        </View>
      )}
      {failure.action === 'pick_other_slot' && onPickOtherSlot && (
        <View className='btn e2e-pick-other-slot' onClick={onPickOtherSlot}>
          <Text>选择其他时间</Text>
        </View>
      )}
    </View>
  )
}
