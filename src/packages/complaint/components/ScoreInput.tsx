import { Text, View } from '@tarojs/components'
import { SCORE_MAX } from '@domain/review'

const STARS = Array.from({ length: SCORE_MAX }, (_, i) => i + 1)

/** One dimension's 1–5 score as five large stars, easy to hit with a thumb. */
export function ScoreInput({ label, value, onChange, dimension }: { label: string; value: number | null; onChange: (score: number) => void; dimension: string }) {
  return (
    <View className={`score-input e2e-score e2e-score-${dimension}`}>
      <Text className='score-input__label'>{label}</Text>
      <View className='score-input__stars'>
        {STARS.map((star) => (
          <Text key={star} className={`score-input__star e2e-star ${value !== null && star <= value ? 'score-input__star--on' : ''}`} data-score={star} onClick={() => onChange(star)}>
            ★
          </Text>
        ))}
      </View>
      <Text className='score-input__value'>{value === null ? '未评' : `${value} 分`}</Text>
    </View>
  )
}

/** A read-only score: "★★★★☆ 4.2". */
export function Stars({ score }: { score: number | null }) {
  if (score === null) return <Text className='muted'>暂无</Text>
  const whole = Math.round(score)
  return (
    <Text className='stars'>
      {'★'.repeat(whole)}
      {'☆'.repeat(SCORE_MAX - whole)} {score.toFixed(1)}
    </Text>
  )
}
