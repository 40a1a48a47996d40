import { View, Text } from '@tarojs/components'
import { ArticleBlock, InlinePart } from '@domain/content'
import { articleUrl } from '@app/navigation/contentRoutes'
import { openPage } from '@app/navigation/navigate'

/*
 * An article body as the server sends it: blocks parsed from Markdown at compile time,
 * drawn with plain View and Text (no rich-text parser in the package). Sizes come from
 * the page's large-text class like everywhere else.
 */

function Parts({ parts }: { parts: readonly InlinePart[] }) {
  return (
    <>
      {parts.map((part, index) => {
        if (part.articleId) {
          const id = part.articleId
          return (
            <Text key={index} className='article-body__link e2e-article-internal-link' data-article-id={id} onClick={() => void openPage(articleUrl(id))}>
              {part.text}
            </Text>
          )
        }
        return (
          <Text key={index} className={part.strong ? 'article-body__strong' : ''}>
            {part.text}
          </Text>
        )
      })}
    </>
  )
}

function Block({ block }: { block: ArticleBlock }) {
  switch (block.type) {
    case 'heading':
      return (
        <View className={`article-body__heading article-body__heading--${block.level}`}>
          <Parts parts={block.parts} />
        </View>
      )
    case 'paragraph':
      return (
        <View className='article-body__paragraph'>
          <Parts parts={block.parts} />
        </View>
      )
    case 'list':
      return (
        <View className='article-body__list'>
          {block.items.map((item, index) => (
            <View key={index} className='article-body__item'>
              <Text className='article-body__marker'>{block.ordered ? `${index + 1}.` : '•'}</Text>
              <View className='article-body__item-text'>
                <Parts parts={item} />
              </View>
            </View>
          ))}
        </View>
      )
  }
}

export function ArticleBlocks({ blocks }: { blocks: readonly ArticleBlock[] }) {
  return (
    <View className='article-body e2e-article-body'>
      {blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </View>
  )
}
