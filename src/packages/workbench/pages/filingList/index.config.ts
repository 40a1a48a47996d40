export default definePageConfig({ navigationBarTitleText: '备案名单导入' })
