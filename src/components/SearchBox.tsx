import { Input, View, Text } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { MAX_QUERY_TEXT } from '@domain/search'

interface SearchBoxProps {
  value: string
  onSearch: (q: string) => void
  placeholder?: string
  maxLength?: number
  /** Prefix of the e2e hook classes (`<prefix>-input`, `<prefix>-clear`). */
  testId?: string
}

/**
 * Chinese words or pinyin initials ("lxjd" finds 龙溪街道); by default institutions'
 * name or address. Searches a moment after typing stops, or at once on the keyboard's
 * search key.
 */
export function SearchBox({
  value,
  onSearch,
  placeholder = '搜机构名、地址或拼音首字母，如 lxjd',
  maxLength = MAX_QUERY_TEXT,
  testId = 'e2e-search',
}: SearchBoxProps) {
  const [text, setText] = useState(value)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => setText(value), [value])
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  const commit = (q: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (q.trim() !== value.trim()) onSearch(q)
  }

  return (
    <View className='search-box'>
      <Input
        className={`search-box__input ${testId}-input`}
        type='text'
        confirmType='search'
        maxlength={maxLength}
        placeholder={placeholder}
        value={text}
        onInput={(e) => {
          const next = e.detail.value
          setText(next)
          if (timer.current) clearTimeout(timer.current)
          timer.current = setTimeout(() => commit(next), 500)
        }}
        onConfirm={(e) => commit(e.detail.value)}
      />
      {text !== '' && (
        <View
          className={`search-box__clear ${testId}-clear`}
          onClick={() => {
            setText('')
            commit('')
          }}
        >
          <Text>清除</Text>
        </View>
      )}
    </View>
  )
}
