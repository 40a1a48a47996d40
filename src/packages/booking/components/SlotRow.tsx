import { View, Text } from '@tarojs/components'
import { SLOT_KIND_LABELS } from '@domain/slot'
import { PublicSlot } from '@domain/slotRules'
import { describeRemaining, describeTimeRange } from '@app/lib/calendar/slotCalendar'

/** One slot of the chosen day: kind, title, time, places left and 预约. */
export function SlotRow({ slot, onBook }: { slot: PublicSlot; onBook: () => void }) {
  const full = slot.remaining === 0
  return (
    <View className={`slot-row e2e-slot ${full ? 'slot-row--full' : ''}`} data-slot-id={slot.id}>
      <View className='slot-row__text'>
        <View className='slot-row__head'>
          <Text className={`slot-kind slot-kind--${slot.kind} e2e-slot-kind`}>{SLOT_KIND_LABELS[slot.kind]}</Text>
          <Text className='slot-row__time e2e-slot-time'>{describeTimeRange(slot)}</Text>
        </View>
        <Text className='slot-row__title'>{slot.title}</Text>
        <Text className={`slot-row__remaining e2e-slot-remaining ${full ? 'slot-row__remaining--full' : ''}`}>
          {describeRemaining(slot.remaining)}
          {slot.requiresConfirmation ? ' · 需机构确认' : ''}
        </Text>
      </View>
      {!full && (
        <View className='btn btn--primary btn--small e2e-slot-book' onClick={onBook}>
          <Text>预约</Text>
        </View>
      )}
    </View>
  )
}
