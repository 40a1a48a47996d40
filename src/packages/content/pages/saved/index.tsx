import { View, Text } from '@tarojs/components'
import { PageRoot } from '@app/components/PageRoot'
import { articleUrl, browseUrl } from '@app/navigation/contentRoutes'
import { unsaveArticle, useSavedArticles } from '@app/store/savedArticles'
import '../../styles/content.scss'
import { openPage } from '@app/navigation/navigate'

/** 我收藏的文章: kept on this phone, newest first; the article itself is fetched fresh when opened. */
export default function SavedArticlesPage() {
  const saved = useSavedArticles()
  return (
    <PageRoot className='saved-page'>
      {saved.length === 0 ? (
        <View className='status status--empty e2e-saved-empty'>
          <Text className='status__title'>还没有收藏文章</Text>
          <Text className='status__text'>读文章时点“收藏”，以后在这里找到。收藏只保存在这台手机上。</Text>
          <View className='btn e2e-go-browse' onClick={() => void openPage(browseUrl())}>
            <Text>去看文章</Text>
          </View>
        </View>
      ) : (
        <View className='section e2e-saved-list'>
          {saved.map((item) => (
            <View key={item.id} className='article-row e2e-saved-article' data-article-id={item.id}>
              <View onClick={() => void openPage(articleUrl(item.id))}>
                <Text className='article-row__title e2e-article-title'>{item.title}</Text>
                {item.summary && <Text className='article-row__summary'>{item.summary}</Text>}
              </View>
              <View className='link link--danger e2e-unsave' onClick={() => unsaveArticle(item.id)}>
                <Text>取消收藏</Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  )
}
