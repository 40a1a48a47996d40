import { useReachBottom, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { ArticleFilter, getStagesOverview, listArticles } from '@app/api/content'
import { Chip } from '@app/components/Chip'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { ARTICLE_QUERY_MAX, ArticleSummary, STAGES, TOPICS } from '@domain/content'
import { useRemote } from '@app/hooks/useRemote'
import { decodeParam } from '@app/navigation/bookingRoutes'
import { ArticleList } from '../../components/ArticleList'
import { SearchBox } from '@app/components/SearchBox'
import { ListFooter } from '@app/components/ListFooter'
import { usePaged } from '@app/hooks/usePaged'
import { filterFromParams, toggled, topicCount } from '../../lib/browseFilter'
import '../../styles/content.scss'

/** 按阶段和主题: the 7 stages and 9 topics as chips, and a search over titles, text and pinyin initials. */
export default function BrowsePage() {
  const params = useRouter().params
  const [filter, setFilter] = useState<ArticleFilter>(() =>
    filterFromParams({ stage: decodeParam(params.stage), topic: decodeParam(params.topic), q: decodeParam(params.q) }),
  )
  const [overview] = useRemote('stages', getStagesOverview)
  const counts = overview.status === 'ready' ? overview.value : null
  const key = JSON.stringify(filter)
  const articles = usePaged<ArticleSummary>(key, (cursor) => listArticles(filter, { cursor }))
  useReachBottom(() => articles.loadMore())

  const stageCount = useMemo(() => new Map(counts?.stages.map((s) => [s.id, s.articleCount]) ?? []), [counts])
  const label = (name: string, count: number | null | undefined) => (count === null || count === undefined ? name : `${name} ${count}`)

  return (
    <PageRoot className='browse-page'>
      <SearchBox
        value={filter.q ?? ''}
        onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
        placeholder='搜文章，如“辅食”或拼音首字母 fs'
        maxLength={ARTICLE_QUERY_MAX}
        testId='e2e-article-search'
      />
      <View className='browse-filter'>
        <Text className='browse-filter__label'>阶段</Text>
        <View className='chip-row chip-row--wrap e2e-stage-chips'>
          {STAGES.map((stage) => (
            <Chip
              key={stage.id}
              label={label(stage.name, stageCount.get(stage.id))}
              selected={filter.stage === stage.id}
              className={`e2e-stage-chip e2e-stage-${stage.id}`}
              onTap={() => setFilter((f) => ({ ...f, stage: toggled(f.stage, stage.id) }))}
            />
          ))}
        </View>
        <Text className='browse-filter__label'>主题</Text>
        <View className='chip-row chip-row--wrap e2e-topic-chips'>
          {TOPICS.map((topic) => (
            <Chip
              key={topic.id}
              label={label(topic.name, topicCount(counts, topic.id, filter.stage))}
              selected={filter.topic === topic.id}
              className={`e2e-topic-chip e2e-topic-${topic.id}`}
              onTap={() => setFilter((f) => ({ ...f, topic: toggled(f.topic, topic.id) }))}
            />
          ))}
        </View>
      </View>
      {(articles.status === 'waiting' || articles.status === 'loading') && <LoadingView />}
      {articles.status === 'error' && <ErrorView message={articles.error ?? ''} onRetry={() => void articles.refresh()} />}
      {articles.status === 'ready' && articles.items.length === 0 && (
        <View className='status status--empty e2e-empty'>
          <Text className='status__title'>没有找到文章</Text>
          <Text className='status__text'>{filter.q ? '换个词试试，或用拼音首字母' : '这个阶段和主题的文章还在编写中'}</Text>
          {(filter.stage || filter.topic || filter.q) && (
            <View className='btn e2e-reset-filters' onClick={() => setFilter({})}>
              <Text>看全部文章</Text>
            </View>
          )}
        </View>
      )}
      {articles.status === 'ready' && articles.items.length > 0 && (
        <View className='section e2e-browse-results'>
          <ArticleList articles={articles.items} />
          <ListFooter paged={articles} />
        </View>
      )}
    </PageRoot>
  )
}
