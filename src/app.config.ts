/*
 * Tab pages live in the main package (WeChat requires it); detail and the district
 * overview are a subpackage so the first download stays small, and so is booking
 * (入托网上约). Location: only getFuzzyLocation and chooseLocation, the least precise
 * APIs "near me" needs — never getLocation too (fuzzy and precise are mutually exclusive).
 */
export default defineAppConfig({
  pages: ['pages/find/index', 'pages/map/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/institution', pages: ['pages/detail/index', 'pages/districts/index'] },
    {
      root: 'packages/booking',
      pages: [
        'pages/calendar/index',
        'pages/book/index',
        'pages/detail/index',
        'pages/mine/index',
        'pages/apply/index',
        'pages/application/index',
        'pages/child-add/index',
      ],
    },
    // 生命1000天: article bodies come from the server, so the package holds only the screens.
    {
      root: 'packages/content',
      pages: ['pages/home/index', 'pages/browse/index', 'pages/article/index', 'pages/saved/index', 'pages/lectures/index'],
    },
    // 投诉马上查 and ratings: filing and following complaints, and parents' reviews.
    {
      root: 'packages/complaint',
      pages: ['pages/new/index', 'pages/lookup/index', 'pages/detail/index', 'pages/mine/index', 'pages/review/index', 'pages/reviews/index'],
    },
    // 工作台 (issue 9): institution staff and district regulators, phone and wide desktop
    // layout. Issue 10's fee terms and 体验券 pages too.
    {
      root: 'packages/workbench',
      pages: [
        'pages/home/index',
        'pages/join/index',
        'pages/bookings/index',
        'pages/facts/index',
        'pages/slots/index',
        'pages/enrollments/index',
        'pages/reviews/index',
        'pages/complaints/index',
        'pages/members/index',
        'pages/terms/index',
        'pages/vouchers/index',
        'pages/rectifications/index',
        'pages/oversight/index',
        'pages/institution/index',
        'pages/filingList/index',
        'pages/district/index',
      ],
    },
    // 托育政策查询: the library's text comes from the server, so the package holds only the screens.
    { root: 'packages/policy', pages: ['pages/mine/index', 'pages/detail/index', 'pages/library/index', 'pages/vouchers/index', 'pages/alerts/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#fff',
    navigationBarTitleText: '安心托育',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#1f7a5a',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/find/index', text: '找托育', iconPath: 'assets/tab/find.png', selectedIconPath: 'assets/tab/find-on.png' },
      { pagePath: 'pages/map/index', text: '地图', iconPath: 'assets/tab/map.png', selectedIconPath: 'assets/tab/map-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
  requiredPrivateInfos: ['getFuzzyLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于查找您附近的托育机构' } },
  __usePrivacyCheck__: true,
})
