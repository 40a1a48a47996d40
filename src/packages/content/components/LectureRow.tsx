import { View, Text } from '@tarojs/components'
import { Lecture, LECTURE_HOST_KIND_LABELS } from '@domain/content'
import { describeDistance } from '@domain/geo'
import { bookingFormUrl } from '@app/navigation/bookingRoutes'
import { describeRemaining, describeSlotTime } from '@app/lib/calendar/slotCalendar'
import { openPage } from '@app/navigation/navigate'

/** "北碚区妇幼保健院", or "龙溪托育园（托育机构）" when the name does not say what the host is. */
function hostLine(host: Lecture['host']): string {
  const label = LECTURE_HOST_KIND_LABELS[host.kind]
  return host.name.includes(label) ? host.name : `${host.name}（${label}）`
}

/**
 * One lecture: when, what, who holds it and where, the places left, and 预约 — which
 * opens the booking subpackage's form for this slot (the same rules as an open day).
 */
export function LectureRow({ lecture }: { lecture: Lecture }) {
  const { slot, host } = lecture
  const full = slot.remaining === 0
  return (
    <View className={`lecture-row e2e-lecture ${full ? 'lecture-row--full' : ''}`} data-slot-id={slot.id}>
      <Text className='lecture-row__time e2e-lecture-time'>{describeSlotTime(slot)}</Text>
      <Text className='lecture-row__title e2e-lecture-title'>{slot.title}</Text>
      <Text className='lecture-row__host e2e-lecture-host'>{hostLine(lecture.host)}</Text>
      <Text className='muted'>
        {host.district} {host.address}
        {host.distanceKm !== undefined ? ` · ${describeDistance(host.distanceKm)}` : ''}
      </Text>
      <View className='lecture-row__foot'>
        <Text className={`e2e-lecture-remaining ${full ? 'slot-row__remaining--full' : 'slot-row__remaining'}`}>
          {describeRemaining(slot.remaining)}
          {slot.requiresConfirmation ? ' · 需确认' : ''}
        </Text>
        {!full && (
          <View className='btn btn--primary btn--small e2e-lecture-book' onClick={() => void openPage(bookingFormUrl(slot.institutionId, slot.id))}>
            <Text>预约</Text>
          </View>
        )}
      </View>
    </View>
  )
}
