import { Input, Text, Textarea, View } from '@tarojs/components'

/** A labelled text box with its Chinese validation message underneath. */
export function FormField({
  label,
  value,
  onChange,
  error,
  placeholder,
  className,
  type = 'text',
  maxlength,
  multiline = false,
  hint,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  placeholder?: string
  className: string
  type?: 'text' | 'number'
  maxlength?: number
  multiline?: boolean
  hint?: string
}) {
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`}>
      <Text className='form-field__label'>{label}</Text>
      {multiline ? (
        <Textarea
          className={`form-field__input form-field__input--multiline ${className}`}
          value={value}
          placeholder={placeholder}
          maxlength={maxlength}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className={`form-field__input ${className}`}
          value={value}
          type={type}
          placeholder={placeholder}
          maxlength={maxlength}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {hint && !error && <Text className='form-field__hint'>{hint}</Text>}
      {error && <Text className='form-field__error e2e-field-error'>{error}</Text>}
    </View>
  )
}
