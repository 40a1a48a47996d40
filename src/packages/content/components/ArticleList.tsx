import { View, Text } from '@tarojs/components'
import { ArticleSummary, STAGE_NAMES, TOPIC_NAMES } from '@domain/content'
import { articleUrl } from '@app/navigation/contentRoutes'
import { openPage } from '@app/navigation/navigate'

/** One article in a list: title, one-line summary, stage and topic; tap to read. */
export function ArticleRow({ article }: { article: ArticleSummary }) {
  return (
    <View className='article-row e2e-article-row' data-article-id={article.id} onClick={() => void openPage(articleUrl(article.id))}>
      <Text className='article-row__title e2e-article-title'>{article.title}</Text>
      <Text className='article-row__summary'>{article.summary}</Text>
      <Text className='article-row__meta'>
        {STAGE_NAMES[article.stage]} · {TOPIC_NAMES[article.topic]}
      </Text>
    </View>
  )
}

export function ArticleList({ articles, className }: { articles: readonly ArticleSummary[]; className?: string }) {
  return (
    <View className={`article-list ${className ?? ''}`}>
      {articles.map((article) => (
        <ArticleRow key={article.id} article={article} />
      ))}
    </View>
  )
}
