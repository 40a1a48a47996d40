import { View, Text } from '@tarojs/components'
import { InstitutionSummary } from '@domain/institution'
import { InstitutionSearch, MAX_RADIUS_KM } from '@domain/search'
import { searchInstitutions } from '../api/institutions'
import { useRemote } from '../hooks/useRemote'
import { detailUrl } from '../navigation/routes'
import { InstitutionCard } from './InstitutionCard'
import { openPage } from '@app/navigation/navigate'

/*
 * The honest empty result: nothing matches within the radius (or the district), so say
 * so and show the nearest matches beyond it and the nearest 普惠 institution, never a
 * blank page. Both come from the same search API, widened.
 */

interface Beyond {
  matches: InstitutionSummary[]
  affordable: InstitutionSummary | null
}

async function lookBeyond(search: Partial<InstitutionSearch>): Promise<Beyond> {
  const wider: Partial<InstitutionSearch> = search.origin
    ? { ...search, radiusKm: MAX_RADIUS_KM, sort: 'distance', limit: 3, cursor: undefined }
    : { ...search, district: undefined, limit: 3, cursor: undefined }
  const nearestAffordable: Partial<InstitutionSearch> = search.origin
    ? { origin: search.origin, radiusKm: MAX_RADIUS_KM, affordable: true, careModes: [], sort: 'distance', limit: 1 }
    : { district: search.district, affordable: true, careModes: [], limit: 1 }
  const [matches, affordable] = await Promise.all([searchInstitutions(wider), searchInstitutions(nearestAffordable)])
  return { matches: matches.items, affordable: affordable.items[0] ?? null }
}

export function BeyondResults({ search }: { search: Partial<InstitutionSearch> }) {
  const [beyond] = useRemote(JSON.stringify(search), () => lookBeyond(search))
  if (beyond.status !== 'ready') return null
  const { matches, affordable } = beyond.value
  const open = (id: string) => void openPage(detailUrl(id))
  return (
    <View className='beyond e2e-beyond'>
      <Text className='section__title'>{search.origin ? `${search.radiusKm ?? 5} 公里内没有符合条件的机构` : `${search.district ?? '本区'}没有符合条件的机构`}</Text>
      {matches.length > 0 ? (
        <>
          <Text className='section__body'>{search.origin ? '范围外最近的符合条件的机构：' : '其他区县符合条件的机构：'}</Text>
          {matches.map((inst) => (
            <InstitutionCard key={inst.id} institution={inst} onTap={() => open(inst.id)} />
          ))}
        </>
      ) : (
        <Text className='section__body'>{MAX_RADIUS_KM} 公里内也没有符合全部条件的机构。</Text>
      )}
      {affordable && (
        <View className='e2e-nearest-affordable'>
          <Text className='section__body'>{search.origin ? '离您最近的普惠机构（不限其他条件）：' : '本区的普惠机构（不限其他条件）：'}</Text>
          <InstitutionCard institution={affordable} onTap={() => open(affordable.id)} />
        </View>
      )}
    </View>
  )
}
