export default definePageConfig({ navigationBarTitleText: '各区托育概况' })
