export default definePageConfig({ navigationBarTitleText: '生命1000天' })
