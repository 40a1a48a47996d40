import { View, Text } from '@tarojs/components'
import { InstitutionFacts } from '@domain/institutionFacts'
import { describeCell } from '@domain/vacancies'

/**
 * Vacancies per care mode × age band ("全日托 · 托小班 空 2 个") with how old the
 * confirmation is; after 14 days the text says unconfirmed, so a parent calls first.
 */
export function VacancyCells({ facts }: { facts: InstitutionFacts }) {
  if (facts.vacancyCells.length === 0) return null
  return (
    <View className='vacancy-cells e2e-detail-vacancy-cells'>
      {facts.vacancyCells.map((cell) => (
        <Text key={`${cell.careMode}-${cell.ageBand}`} className={`vacancy-cells__cell ${cell.vacancies > 0 ? '' : 'vacancy-cells__cell--full'} e2e-vacancy-cell`}>
          {describeCell(cell)}
        </Text>
      ))}
    </View>
  )
}
