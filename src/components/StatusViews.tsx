import { View, Text } from '@tarojs/components'

export function LoadingView({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='status status--loading e2e-loading'>
      <Text className='status__text'>{text}</Text>
    </View>
  )
}

/** A failure the parent can do something about: the message and a 重试 button. */
export function ErrorView({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='status status--error e2e-error'>
      <Text className='status__text'>{message}</Text>
      <View className='btn btn--primary e2e-retry' onClick={onRetry}>
        <Text>重试</Text>
      </View>
    </View>
  )
}

/** No results: say which filters to relax, not just "没有结果". */
export function EmptyView({ hints, onReset }: { hints: string[]; onReset?: () => void }) {
  return (
    <View className='status status--empty e2e-empty'>
      <Text className='status__title'>没有找到符合条件的机构</Text>
      {hints.length > 0 && <Text className='status__text'>试试放宽：{hints.join('、')}</Text>}
      {onReset && (
        <View className='btn e2e-reset-filters' onClick={onReset}>
          <Text>清除筛选条件</Text>
        </View>
      )}
    </View>
  )
}
