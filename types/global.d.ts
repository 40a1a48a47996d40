/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro builds for; the server never sets it. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** Overrides the API base URL baked into the app at build time (config/index.ts). */
    TARO_APP_API_BASE?: string
  }
}

/** The API base URL, replaced at build time by config/index.ts defineConstants. */
declare const API_BASE: string
