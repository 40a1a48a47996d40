export default definePageConfig({ navigationBarTitleText: '家长课堂与讲座', onReachBottomDistance: 200 })
