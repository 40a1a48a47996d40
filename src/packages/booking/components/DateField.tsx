import { Text, View } from '@tarojs/components'
import { DateInput } from '@app/components/DateInput'

/** A labelled date box with its error: the app's one DateInput (Chinese face, WeChat picker in weapp). */
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
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`}>
      <Text className='form-field__label'>{label}</Text>
      <DateInput value={value} onChange={onChange} start={start} end={end} className={className} mode={mode} />
      {error && <Text className='form-field__error e2e-field-error'>{error}</Text>}
    </View>
  )
}
