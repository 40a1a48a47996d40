export default definePageConfig({ navigationBarTitleText: '添加孩子' })
