import { Text, View } from '@tarojs/components'

/**
 * A label–value line, like the institution page's (one subpackage may not require
 * another's JS in WeChat, so the complaint package carries its own copy).
 */
export function Fact({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`fact ${className ?? ''}`}>
      <Text className='fact__label'>{label}</Text>
      <Text className='fact__value'>{value}</Text>
    </View>
  )
}
