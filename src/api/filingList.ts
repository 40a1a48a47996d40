import Taro from '@tarojs/taro'
import { FilingListReport, FilingListReportSchema } from '@domain/filingList'
import { sessionToken, signedOutByServer } from '../store/session'
import { ApiError, CLIENT_ERROR_MESSAGES } from './ApiError'
import { API_BASE_URL } from './baseUrl'
import { REQUEST_TIMEOUT_MS } from './client'
import { buildUrl, readResponse, transportError } from './http'

/*
 * POST /api/v1/staff/filing-list?apply=false|true with the CSV bytes as the body
 * (Content-Type: text/csv, docs/api.md): the regulator's filing-list upload. The bytes
 * go as they are: the server tells UTF-8 from GBK (Excel's "CSV (逗号分隔)"), so the app
 * never decodes them.
 */

const FILING_LIST_PATH = '/api/v1/staff/filing-list'
/** A list of tens of thousands of rows is megabytes, and the dry run checks every row. */
const FILING_LIST_TIMEOUT_MS = 4 * REQUEST_TIMEOUT_MS

function headers(): Record<string, string> {
  const token = sessionToken()
  return { 'Content-Type': 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) }
}

function url(apply: boolean): string {
  return buildUrl(API_BASE_URL, FILING_LIST_PATH, [['apply', String(apply)]])
}

/** H5: the File from the page's <input type="file">, sent with fetch. */
export async function uploadFilingListBlob(file: Blob, apply: boolean): Promise<FilingListReport> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), FILING_LIST_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(url(apply), { method: 'POST', body: file, headers: headers(), signal: controller.signal })
  } catch (failure) {
    throw controller.signal.aborted ? new ApiError('TIMEOUT', CLIENT_ERROR_MESSAGES.TIMEOUT, null) : transportError(failure)
  } finally {
    clearTimeout(timer)
  }
  if (response.status === 401) signedOutByServer()
  const text = await response.text()
  return readResponse(response.status, parseJson(text), FilingListReportSchema)
}

/**
 * Mini-program: the temp path of a file chosen from a chat with Taro.chooseMessageFile,
 * read into an ArrayBuffer and sent with Taro.request (wx.uploadFile would send multipart).
 */
export async function uploadFilingListFile(filePath: string, apply: boolean): Promise<FilingListReport> {
  const bytes = Taro.getFileSystemManager().readFileSync(filePath) as ArrayBuffer
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    response = await Taro.request({ url: url(apply), method: 'POST', header: headers(), data: bytes, dataType: 'json', timeout: FILING_LIST_TIMEOUT_MS })
  } catch (failure) {
    throw transportError(failure)
  }
  if (response.statusCode === 401) signedOutByServer()
  return readResponse(response.statusCode, typeof response.data === 'string' ? parseJson(response.data) : response.data, FilingListReportSchema)
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text)
  } catch {
    return undefined
  }
}
