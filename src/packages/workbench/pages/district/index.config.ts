export default definePageConfig({ navigationBarTitleText: '区县概览' })
