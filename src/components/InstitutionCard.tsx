import { View, Text } from '@tarojs/components'
import { CARE_MODE_LABELS, describeFee } from '@domain/careMode'
import { describeAgeRange } from '@domain/age'
import { describeDistance } from '@domain/geo'
import { FILING_STATUS_LABELS, INSTITUTION_KIND_LABELS, InstitutionSummary } from '@domain/institution'
import { describeRating, describeVacancies } from '../lib/format/describe'
import { Tag } from './Chip'

/** One institution in the list (and the card under a tapped map marker). */
export function InstitutionCard({ institution: inst, onTap }: { institution: InstitutionSummary; onTap: () => void }) {
  return (
    <View className='card e2e-institution-card' onClick={onTap}>
      <View className='card__head'>
        <Text className='card__name e2e-institution-name'>{inst.name}</Text>
        {inst.distanceKm !== undefined && <Text className='card__distance'>{describeDistance(inst.distanceKm)}</Text>}
      </View>
      <View className='card__tags'>
        <Tag label={INSTITUTION_KIND_LABELS[inst.kind]} />
        {inst.affordable && <Tag label='普惠' tone='good' className='e2e-tag-affordable' />}
        <Tag label={FILING_STATUS_LABELS[inst.filing.status]} tone={inst.filing.status === 'filed' ? 'good' : 'warn'} />
        {inst.isDemo && <Tag label='演示数据' tone='demo' />}
      </View>
      <View className='card__fees'>
        {inst.careModes.map((mode) => (
          <Text key={mode.mode} className='card__fee e2e-card-fee'>
            {CARE_MODE_LABELS[mode.mode]} {describeFee(mode)}
          </Text>
        ))}
      </View>
      <View className='card__meta'>
        <Text>招收 {describeAgeRange(inst.ageRange)}</Text>
        <Text className={inst.vacancies > 0 ? 'card__vacancy' : 'card__full'}>{describeVacancies(inst.vacancies, inst.capacity)}</Text>
      </View>
      <View className='card__meta'>
        <Text className='card__address'>
          {inst.district} · {inst.street}
        </Text>
        <Text className='card__rating'>{describeRating(inst.rating)}</Text>
      </View>
    </View>
  )
}
