export default definePageConfig({ navigationBarTitleText: '空位提醒' })
