/**
 * The server's base URL, baked in at build time (config/index.ts, from
 * TARO_APP_API_BASE): '' on H5, where the API server serves the app itself, and a
 * configured https domain in the mini-program.
 */
export const API_BASE_URL: string = typeof API_BASE === 'string' ? API_BASE : ''
