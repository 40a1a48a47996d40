import { Text, View } from '@tarojs/components'
import { ComplaintTimelineEntry } from '@domain/complaint'
import { describeMoment, timelineTitle } from '../lib/complaintText'

/** Every status change with the handler's note, newest at the top. */
export function Timeline({ entries }: { entries: ComplaintTimelineEntry[] }) {
  // The server lists changes in the order they happened (complaint_events.id): reversed, not
  // sorted by time, so two changes in the same second keep their order (issue 12).
  const newestFirst = [...entries].reverse()
  return (
    <View className='timeline e2e-timeline'>
      {newestFirst.map((entry, index) => (
        <View key={`${entries.length - index}-${entry.status}`} className={`timeline__entry e2e-timeline-entry ${index === 0 ? 'timeline__entry--latest' : ''}`} data-status={entry.status}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__status e2e-timeline-status'>{timelineTitle(entry.status)}</Text>
            <Text className='timeline__at'>{describeMoment(entry.at)}</Text>
            {entry.note && <Text className='timeline__note e2e-timeline-note'>{entry.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
