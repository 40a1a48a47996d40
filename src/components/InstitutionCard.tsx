import { View, Text } from '@tarojs/components'
import { CARE_MODE_LABELS, CareMode, describeFee } from '@domain/careMode'
import { describeAgeRange } from '@domain/age'
import { describeDistance } from '@domain/geo'
import { FILING_STATUS_LABELS, INSTITUTION_KIND_LABELS, InstitutionSummary } from '@domain/institution'
import { describeRating, describeVacancies } from '../lib/format/describe'
import { Tag } from './Chip'

/**
 * One institution in the list (and the card under a tapped map marker). feeBasis: the
 * modes the list compares prices by (feeBasisModes), shown first and marked, the other
 * modes after them, each fee with its unit, never mixed in.
 */
export function InstitutionCard({ institution: inst, onTap, feeBasis }: { institution: InstitutionSummary; onTap: () => void; feeBasis?: readonly CareMode[] }) {
  const onBasis = (mode: CareMode) => feeBasis?.includes(mode) ?? false
  const fees = feeBasis ? [...inst.careModes.filter((m) => onBasis(m.mode)), ...inst.careModes.filter((m) => !onBasis(m.mode))] : inst.careModes
  return (
    <View className='card e2e-institution-card' onClick={onTap}>
      <View className='card__head'>
        <Text className='card__name e2e-institution-name'>{inst.name}</Text>
        {inst.distanceKm !== undefined && <Text className='card__distance'>{describeDistance(inst.distanceKm)}</Text>}
      </View>
      <View className='card__tags'>
        <Tag label={INSTITUTION_KIND_LABELS[inst.kind]} />
        {inst.bookable && <Tag label='可预约' tone='good' className='e2e-tag-bookable' />}
        {inst.affordable && <Tag label='普惠' tone='good' className='e2e-tag-affordable' />}
        <Tag label={FILING_STATUS_LABELS[inst.filing.status]} tone={inst.filing.status === 'filed' ? 'good' : 'warn'} />
        {inst.isDemo && <Tag label='演示数据' tone='demo' />}
      </View>
      <View className='card__fees'>
        {fees.map((mode) => (
          <Text key={mode.mode} className={`card__fee e2e-card-fee ${onBasis(mode.mode) ? 'card__fee--basis e2e-card-fee-basis' : ''}`} data-mode={mode.mode}>
            {CARE_MODE_LABELS[mode.mode]} {describeFee(mode)}
          </Text>
        ))}
        {feeBasis && !fees.some((m) => onBasis(m.mode)) && <Text className='card__fee card__fee--none e2e-card-fee-basis-missing'>无{feeBasis.map((m) => CARE_MODE_LABELS[m]).join('、')}价格</Text>}
      </View>
      <View className='card__meta'>
        <Text>招收 {describeAgeRange(inst.ageRange)}</Text>
        <Text className={inst.vacancies > 0 ? 'card__vacancy' : 'card__full'}>{describeVacancies(inst.vacancies, inst.capacity)}</Text>
      </View>
      <View className='card__meta'>
        <Text className='card__address'>
          {inst.district} · {inst.street}
        </Text>
        <Text className='card__rating e2e-card-rating'>{describeRating(inst.rating)}</Text>
      </View>
    </View>
  )
}
