import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import { useEffect } from 'react'
import { getArticle } from '@app/api/content'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { Article, STAGE_NAMES, TOPIC_NAMES } from '@domain/content'
import { useLargeText } from '@app/hooks/useLargeText'
import { useRemote } from '@app/hooks/useRemote'
import { decodeParam } from '@app/navigation/bookingRoutes'
import { articleUrl } from '@app/navigation/contentRoutes'
import { saveArticle, unsaveArticle, useSavedArticles } from '@app/store/savedArticles'
import { ArticleBlocks } from '../../components/ArticleBlocks'
import { ShareActions } from '../../components/ShareActions'
import { describeReviewed, describeSource } from '../../lib/articleText'
import '../../styles/content.scss'
import { goBack } from '@app/navigation/navigate'

function ArticleView({ article }: { article: Article }) {
  const [largeText, setLargeText] = useLargeText()
  const saved = useSavedArticles().some((item) => item.id === article.id)
  return (
    <View className='article e2e-article' data-article-id={article.id}>
      <Text className='article__title e2e-article-heading'>{article.title}</Text>
      <Text className='article__meta'>
        {STAGE_NAMES[article.stage]} · {TOPIC_NAMES[article.topic]}
      </Text>
      <View className='article__tools'>
        <View
          className={`btn btn--small e2e-save-article ${saved ? 'btn--on' : ''}`}
          onClick={() => (saved ? unsaveArticle(article.id) : saveArticle({ id: article.id, title: article.title, summary: article.summary }))}
        >
          <Text>{saved ? '已收藏' : '收藏'}</Text>
        </View>
        <View className='article__large-text'>
          <Text>大字</Text>
          <Switch className='e2e-article-large-text' checked={largeText} color='#1f7a5a' onChange={(e) => setLargeText(e.detail.value)} />
        </View>
      </View>
      <Text className='article__summary'>{article.summary}</Text>
      <ArticleBlocks blocks={article.blocks} />
      <View className='article-sources e2e-article-sources'>
        <Text className='article-sources__title'>来源</Text>
        {article.sources.map((source, index) => (
          <View key={index} className='article-sources__item e2e-article-source'>
            <Text>
              {index + 1}. {describeSource(source)}
            </Text>
            {source.url && <Text className='article-sources__url' userSelect>{source.url}</Text>}
          </View>
        ))}
        <Text className='muted'>内容依据以上文件编写，于 {describeReviewed(article.reviewed)} 核对。不能代替医生的诊断，宝宝不舒服请及时就医。</Text>
      </View>
      <ShareActions path={articleUrl(article.id)} />
    </View>
  )
}

/** 文章: the body from the server, large text at hand, its sources at the end, save and share. */
export default function ArticlePage() {
  const id = decodeParam(useRouter().params.id) ?? null
  const [article, retry] = useRemote(id, () => getArticle(id ?? ''))
  const title = article.status === 'ready' ? article.value.title : '生命1000天'

  useEffect(() => {
    if (article.status === 'ready') void Taro.setNavigationBarTitle({ title: article.value.title })
  }, [article])
  // WeChat asks these when the parent shares from the button or the ··· menu.
  useShareAppMessage(() => ({ title, path: id ? articleUrl(id) : undefined }))
  useShareTimeline(() => ({ title, query: id ? `id=${encodeURIComponent(id)}` : '' }))

  return (
    <PageRoot className='article-page'>
      {id === null && <ErrorView message='没有指定文章，请返回重新选择' onRetry={() => void goBack()} />}
      {id !== null && article.status === 'loading' && <LoadingView />}
      {article.status === 'error' && <ErrorView message={article.message} onRetry={retry} />}
      {article.status === 'ready' && <ArticleView article={article.value} />}
    </PageRoot>
  )
}
