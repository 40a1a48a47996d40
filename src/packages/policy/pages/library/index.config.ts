export default definePageConfig({ navigationBarTitleText: '托育政策' })
