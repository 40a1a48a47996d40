import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { DistrictSummary } from '@domain/district'
import { listDistricts } from '../api/institutions'
import { errorMessage } from '../api/ApiError'
import { rememberedDistrict, updateFilters } from '../store/store'
import { Chip } from './Chip'

/**
 * The districts as chips, the remembered one selected: one tap changes the district the
 * list, the map and 家长课堂 use when location is refused (issue 12).
 */
export function DistrictChips() {
  const district = rememberedDistrict.use()
  const [districts, setDistricts] = useState<DistrictSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setError(null)
    listDistricts().then(
      (list) => current && setDistricts(list),
      (failure) => current && setError(errorMessage(failure)),
    )
    return () => {
      current = false
    }
  }, [attempt])

  return (
    <View className='district-picker e2e-district-chips'>
      {error && (
        <View className='link' onClick={() => setAttempt((n) => n + 1)}>
          <Text>{error}（点此重试）</Text>
        </View>
      )}
      {districts?.map((d) => (
        <Chip key={d.code} label={d.name} selected={district === d.name} onTap={() => updateFilters({ district: d.name })} className='e2e-district-chip' />
      ))}
    </View>
  )
}
