import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { CARE_MODE_LABELS } from '@domain/careMode'
import { formatFen } from '@domain/money'
import { SavedSearch, SearchAlert } from '@domain/savedSearch'
import { deleteSavedSearch, listAlerts, listSavedSearches } from '@app/api/savedSearches'
import { cancelOpenDayWatch, listOpenDayWatches } from '@app/api/openDayWatches'
import { detailUrl } from '@app/navigation/routes'
import { openPage } from '@app/navigation/navigate'
import { AccountGate } from '@app/components/AccountGate'
import { PageRoot } from '@app/components/PageRoot'
import { PagedList } from '@app/components/PagedList'
import { usePaged } from '@app/hooks/usePaged'
import { useRemote } from '@app/hooks/useRemote'
import { inShanghai } from '@domain/shanghaiTime'
import '../../styles/policy.scss'

function describeSearch(s: SavedSearch): string {
  const parts = [s.location ? `位置附近 ${s.radiusKm} 公里` : '按区县']
  if (s.careMode) parts.push(CARE_MODE_LABELS[s.careMode])
  if (s.maxFee !== null) parts.push(`不超过 ${formatFen(s.maxFee)}`)
  if (s.ageMonths !== null) parts.push(`${s.ageMonths} 个月`)
  if (s.affordableOnly) parts.push('只看普惠')
  return parts.join(' · ')
}

function Alerts() {
  const [revision, setRevision] = useState(0)
  const alerts = usePaged<SearchAlert>(`alerts-${revision}`, listAlerts)
  const searches = usePaged<SavedSearch>(`saved-${revision}`, listSavedSearches)
  // At most 30 per parent (docs/api.md "POST /api/v1/me/open-day-watches"): one page.
  const [watches] = useRemote(`open-day-watches-${revision}`, listOpenDayWatches)
  return (
    <>
      <View className='section e2e-alerts'>
        <Text className='section__title'>空位提醒</Text>
        <PagedList
          paged={alerts}
          className='policy-list'
          empty={<Text className='section__body'>还没有提醒。保存的搜索里有机构新增空位或发布开放日、订阅的机构发布开放日或参观时，会出现在这里。</Text>}
        >
          {(a) => (
            <View key={a.id} className={`policy-row e2e-alert ${a.openDayWatchId ? 'e2e-open-day-alert' : ''}`} onClick={() => void openPage(detailUrl(a.institution.id))}>
              <Text className='policy-row__title'>{a.text}</Text>
              <Text className='policy-figure__meta'>
                {a.savedSearchName ?? '开放日提醒'} · {inShanghai(a.createdAt).format('M月D日 HH:mm')}
              </Text>
            </View>
          )}
        </PagedList>
      </View>
      <View className='section e2e-open-day-watches'>
        <Text className='section__title'>订阅的开放日提醒</Text>
        {watches.status === 'ready' && watches.value.length === 0 && <Text className='section__body'>在没有可预约活动的机构详情页点“订阅开放日提醒”。</Text>}
        {watches.status === 'ready' &&
          watches.value.map((w) => (
            <View key={w.id} className='policy-row e2e-open-day-watch-row'>
              <Text className='policy-row__title'>{w.institution.name}</Text>
              <Text className='policy-figure__meta'>{inShanghai(w.createdAt).format('M月D日')}订阅 · 发布开放日或参观时提醒（每天最多一条）</Text>
              <View className='link e2e-cancel-open-day-watch' onClick={() => void cancelOpenDayWatch(w.id).then(() => setRevision((r) => r + 1))}>
                <Text>取消提醒</Text>
              </View>
            </View>
          ))}
      </View>
      <View className='section e2e-saved-searches'>
        <Text className='section__title'>保存的搜索</Text>
        <PagedList paged={searches} className='policy-list' empty={<Text className='section__body'>在“找托育”里设置好条件后点“保存这个搜索”。</Text>}>
          {(s) => (
            <View key={s.id} className='policy-row e2e-saved-search'>
              <Text className='policy-row__title'>{s.name}</Text>
              <Text className='policy-figure__meta'>{describeSearch(s)}</Text>
              <View className='link e2e-delete-saved-search' onClick={() => void deleteSavedSearch(s.id).then(() => setRevision((r) => r + 1))}>
                <Text>删除</Text>
              </View>
            </View>
          )}
        </PagedList>
      </View>
    </>
  )
}

/** 我的 · 空位提醒: alerts (each names what changed), the 订阅开放日提醒 and saved searches behind them. */
export default function AlertsPage() {
  return (
    <PageRoot className='policy-page'>
      <AccountGate>{() => <Alerts />}</AccountGate>
    </PageRoot>
  )
}
