import { Locator, Page, Response } from 'playwright-core'

/*
 * What the H5 app does, seen from the outside: the searches it sends and the cards it
 * draws. Class names beginning with e2e- are the app's promise to these tests.
 */

export const SEARCH_PATH = '/api/v1/institutions'

/**
 * The next search the app sends whose query satisfies `wanted`. Start waiting before
 * the tap that causes it (Promise.all), or a fast answer can be missed.
 */
export async function nextSearch(page: Page, wanted: (query: URLSearchParams) => boolean = () => true): Promise<{ url: URL; pathAndQuery: string; response: Response }> {
  const response = await page.waitForResponse(
    (r) => {
      const url = new URL(r.url())
      return url.pathname === SEARCH_PATH && r.request().method() === 'GET' && wanted(url.searchParams)
    },
    { timeout: 20_000 },
  )
  const url = new URL(response.url())
  return { url, pathAndQuery: `${url.pathname}${url.search}`, response }
}

export function cardNames(page: Page): Promise<string[]> {
  return page.locator('.e2e-result-list .e2e-institution-card .e2e-institution-name').allInnerTexts()
}

/**
 * Waits until the list shows exactly these institution names in this order (the list
 * re-renders after the answer arrives), and fails saying what it shows instead.
 */
export async function expectListToShow(page: Page, names: readonly string[], timeoutMs = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      (expected) => {
        const shown = Array.from(document.querySelectorAll('.e2e-result-list .e2e-institution-card .e2e-institution-name')).map((e) => (e.textContent ?? '').trim())
        return shown.join('\n') === expected.join('\n')
      },
      [...names],
      { timeout: timeoutMs },
    )
  } catch {
    const shown = await cardNames(page)
    throw new Error(`the list shows\n  ${shown.join('\n  ')}\nbut the API answered\n  ${names.join('\n  ')}`)
  }
}

/**
 * The real <input> of a Taro Input: H5 renders Input as an <input> carrying the class
 * (Taro's HTML components, config/index.ts); a wrapper holding one (a FormField, or
 * Taro's web components) works too.
 */
export function realInput(named: Locator): Locator {
  return named.and(named.page().locator('input')).or(named.locator('input')).first()
}

/** The real <input> of the Taro Input that `selector` names on the page (realInput). */
export function inputIn(page: Page | Locator, selector: string): Locator {
  return realInput(page.locator(selector))
}
