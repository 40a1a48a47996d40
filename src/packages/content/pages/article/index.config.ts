// enableShare* must stay in the page config: Taro only registers the share hooks' page
// methods when they are set here (they are removed from the generated .json).
export default definePageConfig({
  navigationBarTitleText: '生命1000天',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
