import { View, Text } from '@tarojs/components'
import { ReactNode, useState } from 'react'
import { CARE_MODES, CARE_MODE_LABELS } from '@domain/careMode'
import { INSTITUTION_KINDS, INSTITUTION_KIND_LABELS } from '@domain/institution'
import { describeFeeBasis, RATING_ORDER_EXPLAINED, SearchSort } from '@domain/search'
import { parseAgeMonths, parseMaxFeeYuan } from '../lib/forms/feeInput'
import { maxFeeUnitLabel, SearchFilters } from '../store/searchFilters'
import { updateFilters } from '../store/store'
import { Chip } from './Chip'
import { NumberField } from './NumberField'

const SORT_LABELS: Record<SearchSort, string> = { distance: '距离最近', fee: '费用最低', rating: '评分最高' }
const RADII_KM = [3, 5, 10, 20, 50]

function Row({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='filter-row'>
      <Text className='filter-row__title'>{title}</Text>
      <View className='filter-row__options'>
        <View className='filter-row__inner'>{children}</View>
      </View>
    </View>
  )
}

/** The rarer filters: age, the most one can pay, kind and search radius. */
function MoreFilters({ filters, located }: { filters: SearchFilters; located: boolean }) {
  return (
    <View className='filter-bar__more'>
      <View className='filter-fields'>
        <NumberField
          label='孩子月龄'
          unit='个月'
          placeholder='不限'
          className='e2e-filter-age'
          value={filters.ageMonths === null ? '' : String(filters.ageMonths)}
          parse={(text) => {
            const parsed = parseAgeMonths(text)
            return parsed.ok ? { ok: true, value: parsed.months } : parsed
          }}
          onCommit={(months) => updateFilters({ ageMonths: months ?? null })}
        />
        <NumberField
          label='最多付'
          unit={maxFeeUnitLabel(filters.careMode)}
          placeholder='不限'
          className='e2e-filter-maxfee'
          value={filters.maxFee === null ? '' : String(filters.maxFee / 100)}
          parse={(text) => {
            const parsed = parseMaxFeeYuan(text)
            return parsed.ok ? { ok: true, value: parsed.fen } : parsed
          }}
          onCommit={(fen) => updateFilters({ maxFee: fen ?? null })}
        />
      </View>
      <Row title='类型'>
        <Chip label='不限' selected={filters.kind === null} onTap={() => updateFilters({ kind: null })} className='e2e-filter-kind-any' />
        {INSTITUTION_KINDS.map((kind) => (
          <Chip
            key={kind}
            label={INSTITUTION_KIND_LABELS[kind]}
            selected={filters.kind === kind}
            onTap={() => updateFilters({ kind: filters.kind === kind ? null : kind })}
            className={`e2e-filter-kind-${kind}`}
          />
        ))}
      </Row>
      {located && (
        <Row title='范围'>
          {RADII_KM.map((km) => (
            <Chip key={km} label={`${km}公里`} selected={filters.radiusKm === km} onTap={() => updateFilters({ radiusKm: km })} className={`e2e-radius-${km}`} />
          ))}
        </Row>
      )}
    </View>
  )
}

/** Every filter of the find tab; each change goes to the shared store at once. */
export function FilterBar({ filters, located }: { filters: SearchFilters; located: boolean }) {
  // The rarer filters fold away so the first results show on a small phone; the fold
  // says how many of them are set, so nothing narrows the list out of sight.
  const [expanded, setExpanded] = useState(false)
  const foldedActive = [filters.ageMonths !== null, filters.maxFee !== null, filters.kind !== null].filter(Boolean).length
  const sorts: SearchSort[] = located ? ['distance', 'fee', 'rating'] : ['rating', 'fee']
  const activeSort = filters.sort && (filters.sort !== 'distance' || located) ? filters.sort : located ? 'distance' : 'rating'
  const foldLabel = expanded
    ? '收起筛选 ▴'
    : `更多筛选：月龄、费用、类型${located ? '、范围' : ''}${foldedActive > 0 ? `（已选 ${foldedActive} 项）` : ''} ▾`
  return (
    <View className='filter-bar'>
      <Row title='方式'>
        <Chip label='不限' selected={filters.careMode === null} onTap={() => updateFilters({ careMode: null })} className='e2e-filter-mode-any' />
        {CARE_MODES.map((mode) => (
          <Chip
            key={mode}
            label={CARE_MODE_LABELS[mode]}
            selected={filters.careMode === mode}
            onTap={() => updateFilters({ careMode: filters.careMode === mode ? null : mode })}
            className={`e2e-filter-mode-${mode}`}
          />
        ))}
      </Row>
      <Row title='条件'>
        <Chip label='只看普惠' selected={filters.affordableOnly} onTap={() => updateFilters({ affordableOnly: !filters.affordableOnly })} className='e2e-filter-affordable' />
        <Chip label='只看有空位' selected={filters.vacancyOnly} onTap={() => updateFilters({ vacancyOnly: !filters.vacancyOnly })} className='e2e-filter-vacancy' />
        <Chip label='只看可预约' selected={filters.bookableOnly} onTap={() => updateFilters({ bookableOnly: !filters.bookableOnly })} className='e2e-filter-bookable' />
      </Row>
      <Row title='排序'>
        {sorts.map((sort) => (
          <Chip key={sort} label={SORT_LABELS[sort]} selected={activeSort === sort} onTap={() => updateFilters({ sort })} className={`e2e-sort-${sort}`} />
        ))}
      </Row>
      {/* How the order is made, said where the order is chosen (issue 12). */}
      {(activeSort === 'fee' || filters.maxFee !== null) && (
        <Text className='filter-note e2e-fee-basis-note'>费用{describeFeeBasis(filters.careMode ? [filters.careMode] : [])}，其他方式的价格照列、不参与比较</Text>
      )}
      {activeSort === 'rating' && <Text className='filter-note e2e-rating-order-note'>{RATING_ORDER_EXPLAINED}</Text>}
      <View className='filter-more e2e-filter-more' onClick={() => setExpanded(!expanded)}>
        <Text>{foldLabel}</Text>
      </View>
      {expanded && <MoreFilters filters={filters} located={located} />}
    </View>
  )
}
