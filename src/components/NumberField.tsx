import { Input, View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'

/**
 * A small labelled number box that commits on blur or the keyboard's done key, with
 * its validation message underneath (parse returns the message for bad input).
 */
export function NumberField<T>({
  label,
  unit,
  value,
  placeholder,
  className,
  parse,
  onCommit,
}: {
  label: string
  unit: string
  value: string
  placeholder: string
  className: string
  parse: (text: string) => { ok: true; value: T } | { ok: false; message: string }
  onCommit: (value: T) => void
}) {
  const [text, setText] = useState(value)
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => setText(value), [value])

  const commit = (next: string) => {
    const parsed = parse(next)
    if (!parsed.ok) {
      setMessage(parsed.message)
      return
    }
    setMessage(null)
    onCommit(parsed.value)
  }

  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Input
        className={`field__input ${className}`}
        type='digit'
        placeholder={placeholder}
        value={text}
        onInput={(e) => setText(e.detail.value)}
        onBlur={(e) => commit(e.detail.value)}
        onConfirm={(e) => commit(e.detail.value)}
      />
      <Text className='field__unit'>{unit}</Text>
      {message && <Text className='field__error e2e-field-error'>{message}</Text>}
    </View>
  )
}
