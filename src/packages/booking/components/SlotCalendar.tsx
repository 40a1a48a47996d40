import { View, Text } from '@tarojs/components'
import { CalendarDay } from '@app/lib/calendar/slotCalendar'

/** Monday-first weeks; a day with places left carries a dot and is tappable. */
export function SlotCalendar({ weeks, selected, onSelect }: { weeks: CalendarDay[][]; selected: string | null; onSelect: (date: string) => void }) {
  // Which months these four-odd weeks cover, said above them (issue 12: the calendar had no month).
  const months = [...new Set(weeks.flat().map((day) => `${Number(day.date.slice(0, 4))}年${Number(day.date.slice(5, 7))}月`))]
  return (
    <View className='calendar e2e-calendar'>
      {months.length > 0 && <Text className='calendar__month e2e-calendar-month'>{months.join(' – ')}</Text>}
      <View className='calendar__week calendar__week--head'>
        {['一', '二', '三', '四', '五', '六', '日'].map((d) => (
          <Text key={d} className='calendar__weekday'>
            {d}
          </Text>
        ))}
      </View>
      {weeks.map((week) => (
        <View key={week[0].date} className='calendar__week'>
          {week.map((day) => {
            const open = !day.past && day.remaining > 0
            const full = !day.past && day.slots.length > 0 && day.remaining === 0
            const classes = [
              'calendar__day',
              day.past ? 'calendar__day--past' : '',
              open ? 'calendar__day--open e2e-calendar-day-open' : '',
              full ? 'calendar__day--full' : '',
              day.isToday ? 'calendar__day--today' : '',
              day.date === selected ? 'calendar__day--selected e2e-calendar-day-selected' : '',
            ]
            return (
              <View key={day.date} className={`${classes.join(' ')} e2e-calendar-day`} data-date={day.date} onClick={() => !day.past && onSelect(day.date)}>
                <Text className='calendar__date'>{day.isToday ? '今' : day.dayOfMonth}</Text>
                <Text className='calendar__mark'>{open ? '●' : full ? '满' : ' '}</Text>
              </View>
            )
          })}
        </View>
      ))}
      <View className='calendar__legend'>
        <Text className='calendar__legend-item calendar__legend-item--open'>● 有名额</Text>
        <Text className='calendar__legend-item'>满 已约满</Text>
      </View>
    </View>
  )
}
