import { View, Text } from '@tarojs/components'
import { ComponentType, useState } from 'react'
import { DemoBanner } from '../../components/DemoBanner'
import { InstitutionCard } from '../../components/InstitutionCard'
import { PageRoot } from '../../components/PageRoot'
import { ErrorView, LoadingView } from '../../components/StatusViews'
import { MapViewProps } from '../../components/map/mapViewProps'
import { useFindSearch } from '../../hooks/useFindSearch'
import { useLocation } from '../../hooks/useLocation'
import { usePagedSearch } from '../../hooks/usePagedSearch'
import { MAX_PAGE_LIMIT } from '@domain/page'
import { detailUrl, ROUTES } from '../../navigation/routes'
import { openPage, openTab } from '@app/navigation/navigate'

/*
 * Chosen at build time: TARO_ENV is a constant to webpack, so the weapp bundle never
 * carries the H5 plot and the H5 bundle never carries the native Map.
 */
const MapView: ComponentType<MapViewProps> =
  process.env.TARO_ENV === 'weapp'
    ? (require('../../components/map/WeappMap') as typeof import('../../components/map/WeappMap')).WeappMap
    : (require('../../components/map/PlotMap') as typeof import('../../components/map/PlotMap')).PlotMap

/** The find tab's results on a map: tap a marker for a card, tap the card for details. */
export default function MapPage() {
  const location = useLocation()
  const { search, needsDistrict } = useFindSearch()
  // One page of the nearest/best results; a map with more markers than this is unreadable.
  const results = usePagedSearch(search, MAX_PAGE_LIMIT)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = results.items.find((i) => i.id === selectedId) ?? null

  return (
    <PageRoot className='map-page'>
      <DemoBanner />
      <View className='map-page__bar'>
        <Text className='map-page__count e2e-map-count'>
          {results.status === 'ready' ? `显示 ${results.items.length} 家机构${results.hasMore ? `（仅前 ${MAX_PAGE_LIMIT} 家）` : ''}` : ' '}
        </Text>
        <View className='link e2e-tab-list' onClick={() => void openTab(ROUTES.find)}>
          <Text>‹ 返回列表</Text>
        </View>
      </View>
      {needsDistrict && (
        <View className='status e2e-ask-district'>
          <Text className='status__text'>没有获得位置：请先在列表页选一个区县，地图会显示那里的机构</Text>
        </View>
      )}
      {!needsDistrict && (results.status === 'waiting' || results.status === 'loading') && <LoadingView />}
      {results.status === 'error' && <ErrorView message={results.error ?? ''} onRetry={() => void results.refresh()} />}
      {results.status === 'ready' && results.items.length === 0 && (
        <View className='status'>
          <Text className='status__text'>当前条件下没有机构，请回到列表放宽筛选条件</Text>
        </View>
      )}
      {results.status === 'ready' && results.items.length > 0 && (
        <MapView institutions={results.items} origin={location.origin} selectedId={selectedId} onSelect={setSelectedId} />
      )}
      {selected && (
        <View className='map-page__card e2e-marker-card'>
          <InstitutionCard institution={selected} onTap={() => void openPage(detailUrl(selected.id))} />
        </View>
      )}
    </PageRoot>
  )
}
