import { View, Text } from '@tarojs/components'
import { Paged } from '@app/hooks/usePaged'

/** Under a paged list: loading more, a failed page with retry, 加载更多, or the end. */
export function ListFooter({ paged }: { paged: Pick<Paged<unknown>, 'loadingMore' | 'moreError' | 'hasMore' | 'loadMore'> }) {
  return (
    <View className='result-list__footer'>
      {paged.loadingMore && <Text>正在加载更多…</Text>}
      {paged.moreError && (
        <View className='link e2e-load-more-retry' onClick={paged.loadMore}>
          <Text>{paged.moreError}（点此重试）</Text>
        </View>
      )}
      {!paged.loadingMore && !paged.moreError && paged.hasMore && (
        <View className='link e2e-load-more' onClick={paged.loadMore}>
          <Text>加载更多</Text>
        </View>
      )}
      {!paged.hasMore && <Text className='muted'>没有更多了</Text>}
    </View>
  )
}
