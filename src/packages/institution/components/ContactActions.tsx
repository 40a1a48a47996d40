import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { InstitutionDetail } from '@domain/institution'

/**
 * 导航 and 电话. In WeChat: openLocation (GCJ-02, as the data) and makePhoneCall. In a
 * browser neither exists, so show the coordinates and use a tel: link.
 */
export function ContactActions({ institution: inst }: { institution: InstitutionDetail }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className='actions'>
        <View
          className='btn btn--primary e2e-navigate'
          onClick={() =>
            void Taro.openLocation({ latitude: inst.location.lat, longitude: inst.location.lng, name: inst.name, address: inst.address, scale: 16 })
          }
        >
          <Text>导航</Text>
        </View>
        <View className='btn e2e-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: inst.contactPhone }).catch(() => undefined)}>
          <Text>电话 {inst.contactPhone}</Text>
        </View>
      </View>
    )
  }
  return (
    <View className='actions'>
      <Text className='actions__coords e2e-navigate'>
        坐标（GCJ-02）：{inst.location.lat.toFixed(5)}, {inst.location.lng.toFixed(5)}
      </Text>
      <a className='btn e2e-call' href={`tel:${inst.contactPhone.replace(/[^\d+]/g, '')}`}>
        电话 {inst.contactPhone}
      </a>
    </View>
  )
}
