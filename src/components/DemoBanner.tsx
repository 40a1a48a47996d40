import { View, Text } from '@tarojs/components'

/** The data that ships is generated: say so wherever institutions are shown. */
export function DemoBanner() {
  return (
    <View className='demo-banner e2e-demo-banner'>
      <Text className='demo-banner__text'>演示数据：以下机构均为生成的示例，不是真实机构</Text>
    </View>
  )
}
