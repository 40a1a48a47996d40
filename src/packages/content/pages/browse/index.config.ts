export default definePageConfig({ navigationBarTitleText: '生命1000天 · 文章', onReachBottomDistance: 200 })
