import { Text, View } from '@tarojs/components'
import { ComplaintTimelineEntry } from '@domain/complaint'
import { describeMoment, timelineTitle } from '../lib/complaintText'

/** Every status change with the handler's note, newest at the top. */
export function Timeline({ entries }: { entries: ComplaintTimelineEntry[] }) {
  // Steps taken within the same second (accept, then investigate) keep the server's order
  // (oldest first): the later entry is the newer one.
  const newestFirst = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at) || b.index - a.index)
    .map(({ entry }) => entry)
  return (
    <View className='timeline e2e-timeline'>
      {newestFirst.map((entry, index) => (
        <View key={`${entry.status}-${entry.at}`} className={`timeline__entry e2e-timeline-entry ${index === 0 ? 'timeline__entry--latest' : ''}`} data-status={entry.status}>
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
