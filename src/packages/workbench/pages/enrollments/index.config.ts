export default definePageConfig({ navigationBarTitleText: '入托申请与候补' })
