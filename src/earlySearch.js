/*
 * The find tab's first search, started by index.html while the app's scripts are still
 * downloading (issue 11 item 7, docs/architecture.md "H5 speed"). It asks exactly what
 * the app's first search asks when nothing is known yet about the parent's position:
 * the district remembered on this phone (Taro storage key anxin.district, see
 * src/store/store.ts), 20 cards. With no district remembered it asks nothing: the app
 * then waits for the position or asks the parent for a district (src/hooks/useFindSearch.ts). src/api/earlySearch.ts hands the answer to
 * that search when its URL is the same, and the app checks it like any answer;
 * test/app/earlySearch.test.ts keeps the two URLs equal. Plain ES5: it runs before
 * anything is transpiled or polyfilled, so on a browser without fetch it does nothing.
 */
(function () {
  try {
    if (!window.fetch || (location.hash && location.hash.indexOf('pages/find/index') < 0)) return
    var district = null
    try {
      var stored = JSON.parse(localStorage.getItem('anxin.district') || 'null')
      district = stored && stored.data
    } catch (unreadable) {
      district = null
    }
    if (typeof district !== 'string' || district.length < 1 || district.length > 20) return
    var url = '/api/v1/institutions?district=' + encodeURIComponent(district) + '&limit=20'
    window.__anxinFirstSearch = {
      url: url,
      answer: fetch(url, { credentials: 'same-origin' }).then(
        function (response) {
          return response.text().then(function (body) {
            return { status: response.status, body: body }
          })
        },
        function () {
          return null
        }
      )
    }
  } catch (failure) {
    // Never in the way: the app makes the search itself.
  }
})()
