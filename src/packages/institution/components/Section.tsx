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
