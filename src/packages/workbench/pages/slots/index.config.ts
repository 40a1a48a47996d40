export default definePageConfig({ navigationBarTitleText: '时段发布' })
