import { View, Text } from '@tarojs/components'
import { listDistricts } from '@app/api/institutions'
import { CARE_MODE_LABELS } from '@domain/careMode'
import { DistrictSummary } from '@domain/district'
import { DemoBanner } from '@app/components/DemoBanner'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { describeMedianFee, describeShare } from '@app/lib/format/describe'
import { Fact } from '@app/components/Fact'
import '../../styles/institution.scss'

function DistrictCard({ district: d }: { district: DistrictSummary }) {
  return (
    <View className='section district e2e-district'>
      <Text className='section__title'>
        {d.name}
        <Text className='muted'>
          {' '}
          {[...new Set([d.province, d.city])].filter((place) => place !== d.name).join(' ')}
        </Text>
      </Text>
      <Fact label='备案机构' value={`${d.institutionCount} 家`} />
      <Fact label='普惠机构占比' value={describeShare(d.affordableShare)} />
      <Fact label='托位 / 空位' value={`${d.capacity} / ${d.vacancies}`} />
      {d.medianFees.map((m) => (
        <Fact key={m.mode} label={`${CARE_MODE_LABELS[m.mode]}收费中位数`} value={`${describeMedianFee(m.fee, m.unit)}（${m.institutionCount} 家）`} />
      ))}
    </View>
  )
}

/** Per district: the figures parents never find in one place. */
export default function DistrictsPage() {
  const [districts, retry] = useRemote('districts', listDistricts)
  return (
    <PageRoot className='districts-page'>
      <DemoBanner />
      {districts.status === 'loading' && <LoadingView />}
      {districts.status === 'error' && <ErrorView message={districts.message} onRetry={retry} />}
      {districts.status === 'ready' && districts.value.length === 0 && <Text className='status__text'>暂无区县数据</Text>}
      {districts.status === 'ready' && districts.value.map((d) => <DistrictCard key={d.code} district={d} />)}
    </PageRoot>
  )
}
