import { View, Text } from '@tarojs/components'
import { CARE_MODE_LABELS, describeFee } from '@domain/careMode'
import { InstitutionDetail } from '@domain/institution'
import { describeFeeComparison, feeComparisonTone } from '../lib/feeComparison'

/** Fees per care mode with units, each against the district median for that mode. */
export function FeeTable({ institution: inst }: { institution: InstitutionDetail }) {
  return (
    <View className='fee-table e2e-detail-fees'>
      {inst.careModes.map((mode) => {
        const comparison = inst.feeComparison.find((c) => c.mode === mode.mode)
        return (
          <View key={mode.mode} className='fee-table__row'>
            <Text className='fee-table__mode'>{CARE_MODE_LABELS[mode.mode]}</Text>
            <Text className='fee-table__fee'>{describeFee(mode)}</Text>
            {comparison && (
              <Text className={`fee-table__compare fee-table__compare--${feeComparisonTone(comparison.relativeToMedian)} e2e-fee-comparison`}>
                {describeFeeComparison(comparison.relativeToMedian)}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
