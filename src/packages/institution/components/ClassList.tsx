import { View, Text } from '@tarojs/components'
import { describeAgeRange } from '@domain/age'
import { CLASS_RULES, InstitutionDetail } from '@domain/institution'

/** 乳儿班 / 托小班 / 托大班 with their age bands, places and children enrolled. */
export function ClassList({ classes }: { classes: InstitutionDetail['classes'] }) {
  if (classes.length === 0) return <Text className='muted'>未公布班级信息</Text>
  return (
    <View className='class-list e2e-detail-classes'>
      {classes.map((group) => {
        const rule = CLASS_RULES[group.type]
        return (
          <View key={group.type} className='class-list__row'>
            <Text className='class-list__name'>
              {rule.label}（{describeAgeRange(rule)}）
            </Text>
            <Text>
              {group.classCount} 个班 · 托位 {group.capacity} · 在托 {group.enrolled}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
