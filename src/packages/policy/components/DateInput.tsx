import { Picker, Text, View } from '@tarojs/components'
import { createElement } from 'react'

/*
 * A date box: WeChat's date picker in the mini-program, the browser's own date input in
 * H5. A copy of the content subpackage's DateInput, because one subpackage cannot require
 * another's JS (docs/platform-notes.md); the lead may move one copy to src/components/.
 */
export function DateInput({ value, onChange, className }: { value: string; onChange: (value: string) => void; className: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return createElement('input', {
      className: `form-field__input ${className}`,
      type: 'date',
      value,
      onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    })
  }
  return (
    <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`form-field__input ${className}`}>
        <Text className={value ? '' : 'muted'}>{value || '请选择日期'}</Text>
      </View>
    </Picker>
  )
}
