import { View, Text } from '@tarojs/components'
import { PropsWithChildren } from 'react'

export function Section({ title, className, children }: PropsWithChildren<{ title: string; className?: string }>) {
  return (
    <View className={`section ${className ?? ''}`}>
      <Text className='section__title'>{title}</Text>
      {children}
    </View>
  )
}

/** A label–value line of a detail section. */
export function Fact({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`fact ${className ?? ''}`}>
      <Text className='fact__label'>{label}</Text>
      <Text className='fact__value'>{value}</Text>
    </View>
  )
}
