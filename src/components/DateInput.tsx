import { Picker, Text, View } from '@tarojs/components'
import { createElement } from 'react'
import { describeCalendarDate } from '../lib/format/calendarDate'

/**
 * The app's one date box (issue 12: date fields showed "mm/dd/yyyy" in a Chinese app).
 * The mini-program uses WeChat's date picker; H5 keeps the browser's own picker — a tap
 * anywhere on the box opens it — but under a face that reads the Chinese way,
 * "2026年11月29日", because the browser draws its own face in the browser's language.
 * The value is always "YYYY-MM-DD" ("YYYY-MM" in month mode); `className` marks the
 * element that holds it (the <input> in H5).
 */
export function DateInput({
  value,
  onChange,
  start,
  end,
  className,
  mode = 'day',
  placeholder,
  boxClassName = '',
}: {
  value: string
  onChange: (value: string) => void
  start?: string
  end?: string
  className: string
  /** 'month' picks "YYYY-MM". */
  mode?: 'day' | 'month'
  placeholder?: string
  /** Layout classes for the visible box (e.g. its share of a row). */
  boxClassName?: string
}) {
  const empty = placeholder ?? (mode === 'month' ? '请选择月份' : '请选择日期')
  const face = <Text className={`date-input__face e2e-date-face ${value ? '' : 'muted'}`}>{value ? describeCalendarDate(value) : empty}</Text>
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className={`form-field__input date-input ${boxClassName}`}>
        {face}
        {createElement('input', {
          className: `date-input__native ${className}`,
          type: mode === 'month' ? 'month' : 'date',
          value,
          min: start,
          max: end,
          'aria-label': value ? describeCalendarDate(value) : empty,
          onClick: (e: { currentTarget: { showPicker?: () => void } }) => {
            try {
              e.currentTarget.showPicker?.()
            } catch {
              // older browsers open it themselves on a tap
            }
          },
          onChange: (e: { target: { value: string } }) => onChange(e.target.value),
        })}
      </View>
    )
  }
  return (
    <Picker mode='date' fields={mode} value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`form-field__input ${boxClassName} ${className}`}>{face}</View>
    </Picker>
  )
}
