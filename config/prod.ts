import zlib from 'node:zlib'
import CompressionPlugin from 'compression-webpack-plugin'
import type { UserConfigExport } from '@tarojs/cli'
import { FIRST_PAGE, FirstPagePreload, sharedWithFirstPage } from './firstPage'

/*
 * Production H5 build tuned for a phone network (issue 11, docs/architecture.md "H5
 * speed"): one vendor chunk for everything from node_modules (React, the Taro runtime,
 * zod, dayjs) instead of a copy inside each page's chunk, so pages share one cached
 * download; and every text file precompressed (brotli and gzip) at build time, which
 * the server sends as is (server/platform/http/staticApp.ts).
 */

const TEXT_FILES = /\.(js|css|html|svg|json)$/

export default {
  mini: {},
  h5: {
    webpackChain(chain) {
      chain.optimization.splitChunks({
        chunks: 'all',
        maxInitialRequests: 6,
        cacheGroups: {
          vendors: { name: 'vendors', test: /[\\/]node_modules[\\/]/, chunks: 'all', priority: 20, enforce: true, reuseExistingChunk: true },
          // Libraries only a later page uses stay out of the vendor chunk every visit downloads:
          // the QR code of 扫码登录 (workbench) is fetched with the page that draws it.
          lazyVendors: { name: 'lazy-vendors', test: /[\\/]node_modules[\\/]qrcode-generator[\\/]/, chunks: 'async', priority: 30, enforce: true },
          // Our own code used by two or more pages (src/domain, src/api, shared components), in two
          // files: what the find tab (every visit's first page) shares with others, and the rest,
          // so the first screen does not download code only later pages run.
          firstScreen: { name: 'first-screen', test: sharedWithFirstPage, minChunks: 2, chunks: 'all', priority: 11, reuseExistingChunk: true },
          common: { name: 'common', minChunks: 2, chunks: 'all', priority: 10, reuseExistingChunk: true },
        },
      })
      // The find tab's chunks download beside vendors instead of after it (config/firstPage.ts).
      chain.plugin('firstPagePreload').use(FirstPagePreload, [FIRST_PAGE])
      chain.plugin('brotli').use(CompressionPlugin, [
        {
          filename: '[path][base].br',
          algorithm: 'brotliCompress',
          test: TEXT_FILES,
          compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } },
          threshold: 1024,
          minRatio: 0.9,
        },
      ])
      chain.plugin('gzip').use(CompressionPlugin, [{ filename: '[path][base].gz', algorithm: 'gzip', test: TEXT_FILES, compressionOptions: { level: 9 }, threshold: 1024, minRatio: 0.9 }])
    },
  },
} satisfies UserConfigExport<'webpack5'>
