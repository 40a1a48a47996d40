import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import { earlySearchScript } from './earlySearchScript'
import prodConfig from './prod'

/*
 * Taro build config for both targets. The weapp build goes to dist/ (what
 * project.config.json's miniprogramRoot points at); the H5 build goes to dist-h5/,
 * which the API server serves as static files at /.
 *
 * UI kit: none. @nutui/nutui-react-taro 3.0.20 was tried and built on both targets
 * (weapp ~680 KB with three components), but its full stylesheet alone added ~300 KB of
 * wxss to each page that imports it, it sizes itself for designWidth 375 while Taro's
 * default here is 750, and its fixed-px component styles ignore our large-text mode.
 * A handful of own components on View/Text/Input/ScrollView (src/components) do the job
 * and keep the main package small.
 */

/** Where the app's typed client sends requests; see src/api/baseUrl.ts. */
function apiBase(): string {
  if (process.env.TARO_APP_API_BASE !== undefined) return process.env.TARO_APP_API_BASE
  // H5 is served by the API server itself, so same origin ('') is right.
  // A mini-program can only call a configured https domain: this one is a placeholder to replace.
  return process.env.TARO_ENV === 'h5' ? '' : 'https://api.example.invalid'
}

/**
 * Subscribe-message template ids (mp.weixin.qq.com → 订阅消息), per kind the app asks for.
 * Empty when not configured: the app then hides the reminder button.
 */
function subscribeTemplateIds(): Record<'visit_reminder' | 'booking_status' | 'enrollment_status' | 'complaint_status' | 'vacancy_alert' | 'rectification_status' | 'open_day_alert' | 'vacancy_stale', string> {
  return {
    visit_reminder: process.env.TARO_APP_TMPL_VISIT_REMINDER ?? '',
    booking_status: process.env.TARO_APP_TMPL_BOOKING_STATUS ?? '',
    enrollment_status: process.env.TARO_APP_TMPL_ENROLLMENT_STATUS ?? '',
    complaint_status: process.env.TARO_APP_TMPL_COMPLAINT_STATUS ?? '',
    vacancy_alert: process.env.TARO_APP_TMPL_VACANCY_ALERT ?? '',
    rectification_status: process.env.TARO_APP_TMPL_RECTIFICATION_STATUS ?? '',
    open_day_alert: process.env.TARO_APP_TMPL_OPEN_DAY_ALERT ?? '',
    vacancy_stale: process.env.TARO_APP_TMPL_VACANCY_STALE ?? '',
  }
}

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'anxin-tuoyu',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // The path aliases of tsconfig.json (docs/architecture.md): the contract and shared app code by name.
    alias: {
      '@domain': path.resolve(__dirname, '..', 'src', 'domain'),
      '@app': path.resolve(__dirname, '..', 'src'),
    },
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase()),
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(subscribeTemplateIds()),
    },
    copy: {
      // The WeChat map wants marker icons as files in the package.
      patterns: isH5 ? [] : [{ from: 'src/assets/marker.png', to: 'dist/assets/marker.png' }],
      options: {},
    },
    // H5 renders with Preact through preact/compat (same React code, a tenth of react-dom's
    // size and start-up work on a phone, issue 11); WeChat keeps React. docs/architecture.md "H5 speed".
    framework: isH5 ? 'preact' : 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Moves modules only subpackages use out of the main package's common chunk.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Taro's React components render plain HTML elements in H5 instead of its Stencil web
      // components (one custom element, its wrapper and its lifecycle per View): the find
      // list's first paint costs a fraction of the script (issue 11, docs/architecture.md "H5 speed").
      useHtmlComponents: true,
      // The first search starts from index.html, before the app loads (src/earlySearch.js).
      htmlPluginOption: { earlySearch: earlySearchScript() },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
