import { Input, View, Text } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { ARTICLE_QUERY_MAX } from '../../../domain/content'

/** Search articles by Chinese words or pinyin initials ("fs" finds 辅食), a moment after typing stops. */
export function ArticleSearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => setText(value), [value])
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  const commit = (q: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (q.trim() !== value.trim()) onSearch(q.trim())
  }

  return (
    <View className='search-box'>
      <Input
        className='search-box__input e2e-article-search'
        type='text'
        confirmType='search'
        maxlength={ARTICLE_QUERY_MAX}
        placeholder='搜文章，如“辅食”或拼音首字母 fs'
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
        <View className='search-box__clear e2e-article-search-clear' onClick={() => (setText(''), commit(''))}>
          <Text>清除</Text>
        </View>
      )}
    </View>
  )
}
