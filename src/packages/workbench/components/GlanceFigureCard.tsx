import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { GlanceFigure } from '@domain/districtGlance'

/** One figure of 区县概览: its value against the plan's target, and how it was computed one tap away. */
export function GlanceFigureCard({ figure }: { figure: GlanceFigure }) {
  const [open, setOpen] = useState(false)
  return (
    <View className={`workbench-card glance-figure e2e-glance-${figure.key}`}>
      <Text className='glance-figure__label'>{figure.label}</Text>
      <Text className='glance-figure__value e2e-glance-value'>{figure.display}</Text>
      <View>
        {figure.target && <Text className='workbench-tag'>{`目标 ${figure.target.display}`}</Text>}
        {figure.meets === true && <Text className='workbench-tag e2e-glance-meets'>已达标</Text>}
        {figure.meets === false && <Text className='workbench-tag workbench-tag--alert e2e-glance-misses'>未达标</Text>}
      </View>
      {figure.note && <Text className='workbench-card__text'>{figure.note}</Text>}
      <Text className='glance-figure__how e2e-glance-how' onClick={() => setOpen(!open)}>
        {open ? '收起计算方法' : '怎么算的？'}
      </Text>
      {open && (
        <View className='glance-figure__method e2e-glance-method'>
          <Text className='workbench-card__text'>{`计算方法：${figure.formula}`}</Text>
          {figure.counts.map((count) => (
            <Text key={count.label} className='workbench-card__text'>{`${count.label}：${count.value}`}</Text>
          ))}
        </View>
      )}
    </View>
  )
}
