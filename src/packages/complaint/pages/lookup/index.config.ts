export default definePageConfig({ navigationBarTitleText: '投诉马上查' })
