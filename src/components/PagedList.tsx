import { View } from '@tarojs/components'
import { ReactNode } from 'react'
import { Paged } from '@app/hooks/usePaged'
import { ListFooter } from './ListFooter'
import { ErrorView, LoadingView } from './StatusViews'

/** A paged list with its loading, failure and empty states and the 加载更多 footer (src/hooks/usePaged.ts). */
export function PagedList<T>({ paged, empty, className, children }: { paged: Paged<T>; empty: ReactNode; className: string; children: (item: T) => ReactNode }) {
  if (paged.status === 'loading' || paged.status === 'waiting') return <LoadingView />
  if (paged.status === 'error') return <ErrorView message={paged.error ?? ''} onRetry={() => void paged.refresh()} />
  if (paged.items.length === 0) return <>{empty}</>
  return (
    <View className={className}>
      {paged.items.map(children)}
      {paged.hasMore && <ListFooter paged={paged} />}
    </View>
  )
}
