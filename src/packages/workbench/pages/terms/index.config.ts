export default definePageConfig({ navigationBarTitleText: '收费与退费约定' })
