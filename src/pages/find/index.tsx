import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { DemoBanner } from '../../components/DemoBanner'
import { FilterBar } from '../../components/FilterBar'
import { InstitutionCard } from '../../components/InstitutionCard'
import { LocationBar } from '../../components/LocationBar'
import { PageRoot } from '../../components/PageRoot'
import { SearchBox } from '../../components/SearchBox'
import { BeyondResults } from '../../components/BeyondResults'
import { SaveSearch } from '../../components/SaveSearch'
import { EmptyView, ErrorView, LoadingView } from '../../components/StatusViews'
import { useFindSearch } from '../../hooks/useFindSearch'
import { usePagedSearch } from '../../hooks/usePagedSearch'
import { useFirstScreenFirst } from '../../hooks/useFirstScreenFirst'
import { detailUrl, ROUTES } from '../../navigation/routes'
import { relaxHints } from '../../store/searchFilters'
import { feeBasisModes } from '@domain/search'
import { resetFilters, updateFilters, useFindState } from '../../store/store'
import { StageCard } from './components/StageCard'
import { ListFooter } from '@app/components/ListFooter'
import { openPage, openTab } from '@app/navigation/navigate'

export default function FindPage() {
  const { filters } = useFindState()
  const { search, located, needsDistrict } = useFindSearch()
  const results = usePagedSearch(search)
  const cards = useFirstScreenFirst(results.items)
  // Prices are marked as compared only when the order or 最多付 compares them.
  const feeBasis = search && (search.sort === 'fee' || search.maxFee !== undefined) ? feeBasisModes(search.careModes ?? []) : undefined

  usePullDownRefresh(() => {
    void results.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => results.loadMore())

  return (
    <PageRoot className='find-page'>
      <DemoBanner />
      <StageCard />
      <SearchBox value={filters.q} onSearch={(q) => updateFilters({ q })} />
      <LocationBar district={filters.district} />
      <FilterBar filters={filters} located={located} />
      <View className='find-page__links'>
        <View className='link e2e-tab-map' onClick={() => void openTab(ROUTES.map)}>
          <Text>在地图上看 ›</Text>
        </View>
        <View className='link e2e-districts-link' onClick={() => void openPage(ROUTES.districts)}>
          <Text>各区托育概况 ›</Text>
        </View>
      </View>

      {needsDistrict && (
        <View className='section e2e-ask-district'>
          <Text className='section__body'>没有获得位置：请先在上面选一个区县，会记住你的选择，地图和家长课堂也按它显示。也可以直接搜机构名称。</Text>
        </View>
      )}
      {!needsDistrict && (results.status === 'waiting' || results.status === 'loading') && <LoadingView />}
      {results.status === 'error' && <ErrorView message={results.error ?? ''} onRetry={() => void results.refresh()} />}
      {results.status === 'ready' && results.items.length === 0 && search && (
        <>
          <EmptyView hints={relaxHints(search)} onReset={resetFilters} />
          <BeyondResults search={search} />
        </>
      )}
      {results.status === 'ready' && search && <SaveSearch search={search} />}
      {results.status === 'ready' && results.items.length > 0 && (
        <View className='result-list e2e-result-list'>
          {cards.map((inst) => (
            <InstitutionCard key={inst.id} institution={inst} feeBasis={feeBasis} onTap={() => void openPage(detailUrl(inst.id))} />
          ))}
          <ListFooter paged={results} />
        </View>
      )}
    </PageRoot>
  )
}
