import zlib from 'node:zlib'
import compress from '@fastify/compress'
import { FastifyInstance } from 'fastify'

/*
 * API answers compressed for the browser and WeChat when they ask (Accept-Encoding),
 * issue 11: a search page of 20 cards is about 13 KiB of JSON and 3 KiB as brotli, time the
 * first screen waits for on a phone network.
 * Brotli at quality 4 costs about as much CPU as gzip and still beats it on JSON; the
 * H5 build's files keep their brotli-11 copies made at build time (staticApp.ts), which
 * this plugin leaves alone (they already carry Content-Encoding). Answers under 1 KiB
 * gain nothing and go as they are; clients that ask for nothing get plain JSON.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } },
  })
}
