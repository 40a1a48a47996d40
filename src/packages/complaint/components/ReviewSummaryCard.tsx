import { Text, View } from '@tarojs/components'
import { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS, ReviewSummary } from '@domain/review'
import { Stars } from './ScoreInput'

/** The average and each dimension's mean over every review. */
export function ReviewSummaryCard({ summary }: { summary: ReviewSummary }) {
  return (
    <View className='section e2e-review-summary'>
      <View className='review-summary__head'>
        <Text className='review-summary__average e2e-review-average'>{summary.average === null ? '暂无评分' : summary.average.toFixed(1)}</Text>
        <Text className='muted e2e-review-count'>{summary.count} 位家长评价</Text>
      </View>
      {REVIEW_DIMENSIONS.map((dimension) => (
        <View key={dimension} className='fact'>
          <Text className='fact__label'>{REVIEW_DIMENSION_LABELS[dimension]}</Text>
          <Stars score={summary.dimensions[dimension]} />
        </View>
      ))}
    </View>
  )
}
