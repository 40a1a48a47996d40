import { Picker, Text, View } from '@tarojs/components'
import { createElement } from 'react'

/**
 * A date box: WeChat's date picker in the mini-program, the browser's own date input in
 * H5 (Taro's H5 picker is a scroll wheel that is hard to use with a mouse).
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  start,
  end,
  className,
  mode = 'day',
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  start?: string
  end?: string
  className: string
  /** 'month' picks "YYYY-MM". */
  mode?: 'day' | 'month'
}) {
  const placeholder = mode === 'month' ? '请选择月份' : '请选择日期'
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`}>
      <Text className='form-field__label'>{label}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        createElement('input', {
          className: `form-field__input ${className}`,
          type: mode === 'month' ? 'month' : 'date',
          value,
          min: start,
          max: end,
          onChange: (e: { target: { value: string } }) => onChange(e.target.value),
        })
      ) : (
        <Picker mode='date' fields={mode} value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={`form-field__input ${className}`}>
            <Text className={value ? '' : 'muted'}>{value || placeholder}</Text>
          </View>
        </Picker>
      )}
      {error && <Text className='form-field__error e2e-field-error'>{error}</Text>}
    </View>
  )
}
