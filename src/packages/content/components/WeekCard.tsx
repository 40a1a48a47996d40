import { View, Text } from '@tarojs/components'
import { LifeStage, stageName } from '@domain/lifeStage'
import { progressOf1000, weekLabel } from '@app/lib/family/familyStage'

/**
 * Where the family is: "孕 24 周 3 天 · 生命1000天 第 171 天", the stage and the week, and
 * a bar of the 1000 days. `ageText` is the server's once /content/today has answered
 * (it says the same; the engine is shared), the local engine's until then.
 */
export function WeekCard({ stage, ageText, nickname }: { stage: LifeStage; ageText: string; nickname?: string }) {
  const progress = Math.round(progressOf1000(stage) * 1000) / 10
  return (
    <View className='week-card e2e-week-card'>
      {nickname && <Text className='week-card__nickname'>{nickname}</Text>}
      <Text className='week-card__age e2e-age-text'>{ageText}</Text>
      <Text className='week-card__stage e2e-stage-name'>
        {stageName(stage.stage)} · {weekLabel(stage)}
      </Text>
      {stage.correctedAgeText && <Text className='week-card__corrected e2e-corrected-age'>{stage.correctedAgeText}（早产宝宝看发育按矫正月龄）</Text>}
      <View className='week-card__bar'>
        <View className='week-card__bar-fill' style={{ width: `${progress}%` }} />
      </View>
      <Text className='week-card__bar-label'>{stage.dayOf1000 !== null ? `1000 天已走过 ${progress}%` : stage.phase === 'after_birth' ? '生命1000天已走完，指导继续到 3 岁' : '还没进入生命1000天'}</Text>
    </View>
  )
}
