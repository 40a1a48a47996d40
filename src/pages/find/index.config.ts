export default definePageConfig({
  navigationBarTitleText: '找托育',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
