export default definePageConfig({ navigationBarTitleText: '托育体验券' })
