import { Text, View } from '@tarojs/components'

/** A label–value line of a detail section (institution page, complaint page). */
export function Fact({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`fact ${className ?? ''}`}>
      <Text className='fact__label'>{label}</Text>
      <Text className='fact__value'>{value}</Text>
    </View>
  )
}
