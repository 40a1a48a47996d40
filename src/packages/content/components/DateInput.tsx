import { Picker, Text, View } from '@tarojs/components'
import { createElement } from 'react'

/*
 * A date box: WeChat's date picker in the mini-program, the browser's own date input in
 * H5. The same as the booking subpackage's DateField — a copy, because one subpackage
 * cannot require another's JS (docs/platform-notes.md), and moving that one is not this
 * feature's change to make.
 */
export function DateInput({
  value,
  onChange,
  start,
  end,
  className,
}: {
  value: string
  onChange: (value: string) => void
  start?: string
  end?: string
  className: string
}) {
  if (process.env.TARO_ENV === 'h5') {
    return createElement('input', {
      className: `form-field__input ${className}`,
      type: 'date',
      value,
      min: start,
      max: end,
      onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    })
  }
  return (
    <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`form-field__input ${className}`}>
        <Text className={value ? '' : 'muted'}>{value || '请选择日期'}</Text>
      </View>
    </Picker>
  )
}
