export default definePageConfig({ navigationBarTitleText: '预约参观 / 开放日' })
