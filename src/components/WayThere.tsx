import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Destination, mapLinks, telHref } from '../lib/map/mapLinks'

/**
 * 导航 and 电话 for one place, on the detail page and on every booking (issue 12). In
 * WeChat: the native map (openLocation, GCJ-02 as the data) and makePhoneCall. In a
 * browser: the address in words and links that open the phone's map apps, and tel:.
 */
export function WayThere({ place, phone }: { place: Destination; phone: string }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className='actions e2e-way-there'>
        <View
          className='btn btn--primary e2e-navigate'
          onClick={() => void Taro.openLocation({ latitude: place.location.lat, longitude: place.location.lng, name: place.name, address: place.address, scale: 16 })}
        >
          <Text>导航</Text>
        </View>
        <View className='btn e2e-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
          <Text>电话 {phone}</Text>
        </View>
      </View>
    )
  }
  return (
    <View className='way-there e2e-way-there'>
      <Text className='way-there__address e2e-way-address'>地址：{place.address}</Text>
      <View className='way-there__apps e2e-navigate'>
        <Text className='way-there__label'>导航：</Text>
        {mapLinks(place).map((link) => (
          <a key={link.key} className={`chip way-there__app e2e-map-link e2e-map-link-${link.key}`} href={link.href} target='_blank' rel='noopener noreferrer'>
            {link.app}
          </a>
        ))}
      </View>
      <a className='btn e2e-call' href={telHref(phone)}>
        电话 {phone}
      </a>
    </View>
  )
}
