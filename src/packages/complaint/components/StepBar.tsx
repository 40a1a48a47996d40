import { Text, View } from '@tarojs/components'

/** Where the parent is in the form: 1 投诉对象 › 2 发生了什么 › … */
export function StepBar({ titles, current }: { titles: readonly string[]; current: number }) {
  return (
    <View className='step-bar e2e-step-bar'>
      {titles.map((title, index) => (
        <View key={title} className={`step-bar__step ${index === current ? 'step-bar__step--on e2e-step-current' : ''} ${index < current ? 'step-bar__step--done' : ''}`}>
          <Text className='step-bar__number'>{index + 1}</Text>
          <Text className='step-bar__title'>{title}</Text>
        </View>
      ))}
    </View>
  )
}
