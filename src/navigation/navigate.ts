import Taro from '@tarojs/taro'

/*
 * The one way the app moves between pages (docs/architecture.md, "Where a new screen
 * goes"): page paths come from the route builders beside this file, and every move goes
 * through these four, so a change of how pages open (e.g. a page stack limit) is made once.
 */

/** Opens a page on top of the current one (back returns here). */
export function openPage(url: string): Promise<unknown> {
  return Taro.navigateTo({ url })
}

/** Replaces the current page (after a form is sent, back skips the form). */
export function replacePage(url: string): Promise<unknown> {
  return Taro.redirectTo({ url })
}

/** Switches to a tab page (找托育, 地图, 我的). */
export function openTab(url: string): Promise<unknown> {
  return Taro.switchTab({ url })
}

/** Back to the previous page. */
export function goBack(): Promise<unknown> {
  return Taro.navigateBack()
}
