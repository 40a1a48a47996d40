import { Page, Response } from 'playwright-core'

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

/** Taro's H5 Input renders a wrapper with the class and a real <input> inside it. */
export function inputIn(page: Page, className: string) {
  return page.locator(`${className} input`).first()
}
