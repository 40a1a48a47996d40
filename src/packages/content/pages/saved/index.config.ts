export default definePageConfig({ navigationBarTitleText: '我收藏的文章' })
