import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { listDistricts } from '../api/institutions'
import { errorMessage } from '../api/ApiError'
import { DistrictSummary } from '@domain/district'
import { useLocation } from '../hooks/useLocation'
import { Chip } from './Chip'

/**
 * Where the search is centred. Located: "当前位置附近" with 重新定位. Refused or failed:
 * say so plainly and offer the districts, so a parent who says no still finds care.
 */
export function LocationBar({ district }: { district: string | null }) {
  const location = useLocation()
  const [districts, setDistricts] = useState<DistrictSummary[] | null>(null)
  const [districtError, setDistrictError] = useState<string | null>(null)
  const [loadCount, setLoadCount] = useState(0)
  const refused = location.status === 'refused'

  useEffect(() => {
    if (!refused) return
    let current = true
    setDistrictError(null)
    listDistricts().then(
      (list) => current && setDistricts(list),
      (failure) => current && setDistrictError(errorMessage(failure)),
    )
    return () => {
      current = false
    }
  }, [refused, loadCount])

  return (
    <View className='location-bar e2e-location-bar'>
      <View className='location-bar__line'>
        <Text className='location-bar__status e2e-location-status'>
          {location.status === 'located' && `定位：${location.label ?? '当前位置附近'}`}
          {(location.status === 'locating' || location.status === 'idle') && '正在获取大致位置…'}
          {refused && (district ? `正在看：${district}` : '未获得位置，请选择一个区县')}
        </Text>
        <View className='location-bar__actions'>
          <View className='link e2e-relocate' onClick={() => void location.locate()}>
            <Text>重新定位</Text>
          </View>
          {process.env.TARO_ENV === 'weapp' && (
            <View className='link e2e-choose-location' onClick={() => void location.chooseOnMap()}>
              <Text>选择位置</Text>
            </View>
          )}
        </View>
      </View>
      {refused && (
        <View className='district-picker e2e-district-picker'>
          {districtError && (
            <View className='link' onClick={() => setLoadCount((n) => n + 1)}>
              <Text>{districtError}（点此重试）</Text>
            </View>
          )}
          {districts?.map((d) => (
            <Chip
              key={d.code}
              label={d.name}
              selected={district === d.name}
              onTap={() => location.searchDistrict(d.name)}
              className='e2e-district-option'
            />
          ))}
        </View>
      )}
    </View>
  )
}
