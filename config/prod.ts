import zlib from 'node:zlib'
import CompressionPlugin from 'compression-webpack-plugin'
import type { UserConfigExport } from '@tarojs/cli'
import { FIRST_PAGE, FirstPagePreload, firstScreenLibrary, sharedWithFirstPage } from './firstPage'

/*
 * Production H5 build tuned for a phone network (issue 11, docs/architecture.md "H5
 * speed"): one vendor chunk for the libraries the first screen runs (Preact, the Taro
 * runtime, zod, dayjs) instead of a copy inside each page's chunk, so pages share one
 * cached download, and the libraries only later pages use in chunks fetched with them;
 * and every text file precompressed (brotli and gzip) at build time, which the server
 * sends as is (server/platform/http/staticApp.ts).
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
          // Libraries the app shell and the find tab (every visit's first screen) run: one chunk.
          vendors: { name: 'vendors', test: firstScreenLibrary, chunks: 'all', priority: 20, enforce: true, reuseExistingChunk: true },
          // Libraries only later pages use (the photo viewer's carousel, the date picker, the QR
          // code of 扫码登录) are fetched with those pages, each in one chunk shared by the pages
          // that need it, never copied into each.
          laterVendors: { test: /[\\/]node_modules[\\/]/, chunks: 'async', priority: 15, minSize: 0, reuseExistingChunk: true },
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
