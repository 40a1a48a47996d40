import Taro from '@tarojs/taro'
import { z } from 'zod'
import { API_BASE_URL } from './baseUrl'
import { buildUrl, readResponse, transportError } from './http'

/** Slow networks are common for our parents, but 15 s is as long as anyone waits. */
export const REQUEST_TIMEOUT_MS = 15_000

/** GET a path and validate the answer with a domain schema. */
export async function getJson<T>(path: string, schema: z.ZodType<T>, params: ReadonlyArray<readonly [string, string]> = []): Promise<T> {
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    response = await Taro.request({
      url: buildUrl(API_BASE_URL, path, params),
      method: 'GET',
      header: { Accept: 'application/json' },
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    })
  } catch (failure) {
    throw transportError(failure)
  }
  return readResponse(response.statusCode, parseBody(response.data), schema)
}

/** H5 hands back text when the server did not send JSON; treat that as no body. */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}
