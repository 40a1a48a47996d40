export default definePageConfig({ navigationBarTitleText: '空位与人员' })
