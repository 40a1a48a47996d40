import { View, Text } from '@tarojs/components'

/**
 * A label–value line (same look as the institution pages' Fact). Kept here because one
 * subpackage must not import another's code in WeChat.
 */
export function InfoLine({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`fact ${className ?? ''}`}>
      <Text className='fact__label'>{label}</Text>
      <Text className='fact__value'>{value}</Text>
    </View>
  )
}
