import { Picker, Text, View } from '@tarojs/components'
import { createElement } from 'react'
import { DateInput } from '@app/components/DateInput'

/**
 * 发生时间: a date and, if known, the time of day. WeChat's pickers in the mini-program,
 * the browser's own inputs in H5 (Taro's H5 picker is a scroll wheel, hard with a mouse).
 */
export function OccurredAtField({
  date,
  time,
  max,
  onChange,
  error,
}: {
  date: string
  time: string
  /** Today (YYYY-MM-DD): nothing in the future. */
  max: string
  onChange: (next: { date?: string; time?: string }) => void
  error?: string
}) {
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`}>
      <Text className='form-field__label'>什么时候发生的</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <View className='occurred-at'>
          <DateInput boxClassName='occurred-at__date' className='e2e-occurred-date' value={date} end={max} onChange={(value) => onChange({ date: value })} />
          {createElement('input', {
            className: 'form-field__input occurred-at__time e2e-occurred-time',
            type: 'time',
            value: time,
            onChange: (e: { target: { value: string } }) => onChange({ time: e.target.value }),
          })}
        </View>
      ) : (
        <View className='occurred-at'>
          <DateInput boxClassName='occurred-at__date' className='e2e-occurred-date' value={date} end={max} onChange={(value) => onChange({ date: value })} />
          <Picker mode='time' value={time} onChange={(e) => onChange({ time: String(e.detail.value) })}>
            <View className='form-field__input occurred-at__time e2e-occurred-time'>
              <Text className={time ? '' : 'muted'}>{time || '时间（可不填）'}</Text>
            </View>
          </Picker>
        </View>
      )}
      <Text className='form-field__hint'>记不清具体时间可以只填日期。</Text>
      {error && <Text className='form-field__error e2e-field-error'>{error}</Text>}
    </View>
  )
}
