import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { InstitutionSearch } from '@domain/search'
import { errorMessage } from '../api/ApiError'
import { listDistricts } from '../api/institutions'
import { saveSearch } from '../api/savedSearches'
import { useSession } from '../hooks/useSession'
import { savedSearchBodyOf } from '../lib/search/savedSearchBody'
import { POLICY_ROUTES } from '../navigation/policyRoutes'
import { ROUTES } from '../navigation/routes'
import { SubscribeOffer } from './SubscribeOffer'
import { openPage, openTab } from '@app/navigation/navigate'

/** 保存搜索: be told when a matching institution gains a vacancy or publishes an open day. */
export function SaveSearch({ search }: { search: Partial<InstitutionSearch> }) {
  const { session } = useSession()
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' })
  const save = async () => {
    if (!session) {
      setState({ kind: 'error', message: '保存搜索需要登录，请到“我的”登录' })
      return
    }
    try {
      const body = savedSearchBodyOf(search, await listDistricts())
      if (!body) return setState({ kind: 'error', message: '请先选择区县或使用当前位置，再保存搜索' })
      await saveSearch(body)
      setState({ kind: 'saved' })
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) })
    }
  }
  if (state.kind === 'saved') {
    return (
      <View className='save-search e2e-search-saved'>
        <Text className='save-search__text'>已保存。有空位或新开放日时，会在“我的 · 空位提醒”告诉您（每个搜索每天最多一条）。</Text>
        <View className='link e2e-go-alerts' onClick={() => void openPage(POLICY_ROUTES.alerts)}>
          <Text>查看空位提醒 ›</Text>
        </View>
        <SubscribeOffer kinds={['vacancy_alert']} browserNote='网页版没有微信订阅消息；提醒会显示在“我的 · 空位提醒”。' />
      </View>
    )
  }
  return (
    <View className='save-search'>
      <View className='btn e2e-save-search' onClick={() => void save()}>
        <Text>保存这个搜索，有空位时提醒我</Text>
      </View>
      {state.kind === 'error' && (
        <View className='link e2e-save-search-error' onClick={() => !session && void openTab(ROUTES.me)}>
          <Text>{state.message}</Text>
        </View>
      )}
    </View>
  )
}
