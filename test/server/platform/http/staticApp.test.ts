import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { cacheControlFor } from '@server/platform/http/staticApp'
import { h5BuildOutdated, h5SourceHash, writeH5Stamp } from '@server/platform/http/h5Build'
import { openTestApp, TestApp } from '@test/support/app'
import { REPO_ROOT } from '@test/support/repoPaths'

/*
 * H5 speed on the server side (issue 11): precompressed files are sent to browsers
 * that take them, hashed bundles are cached for a year, index.html is revalidated; and
 * `npm start` knows when the build is older than its sources.
 */

describe('serving the H5 build', () => {
  let t: TestApp
  const script = 'console.log("安心托育");'.repeat(200)
  beforeAll(async () => {
    t = await openTestApp('pglite')
    fs.writeFileSync(path.join(t.h5Dist, 'js', 'vendors.0123abcd.js'), script)
    fs.writeFileSync(path.join(t.h5Dist, 'js', 'vendors.0123abcd.js.br'), zlib.brotliCompressSync(script))
    fs.writeFileSync(path.join(t.h5Dist, 'js', 'vendors.0123abcd.js.gz'), zlib.gzipSync(script))
  })
  afterAll(() => t.close())

  it('sends the brotli file made at build time, cached immutable for a year', async () => {
    const response = await t.app.inject({ url: '/js/vendors.0123abcd.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(script)
  })

  it('sends gzip or the plain file to browsers that take nothing better', async () => {
    const gzip = await t.app.inject({ url: '/js/vendors.0123abcd.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    const plain = await t.app.inject({ url: '/js/vendors.0123abcd.js', headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
  })

  it('makes the browser revalidate index.html and unhashed files', async () => {
    expect((await t.app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache')
    expect(cacheControlFor('/x/js/app.js')).toBe('no-cache')
    expect(cacheControlFor('/x/css/app.c1e234f84f776f360ec9.css.br')).toBe('public, max-age=31536000, immutable')
  })
})

describe('the start-up rebuild check', () => {
  it('asks for a build when the stamp is missing or the sources changed', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-h5-stamp-'))
    expect(h5BuildOutdated(dist, REPO_ROOT)).toMatch(/首次启动/)
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html>')
    // Another folder than the repository's dist-h5 is served as it is.
    expect(h5BuildOutdated(dist, REPO_ROOT)).toBeNull()
    // The repository's own output: the stamp decides.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-repo-'))
    fs.mkdirSync(path.join(root, 'src'))
    fs.writeFileSync(path.join(root, 'src', 'app.ts'), 'export {}')
    const ownDist = path.join(root, 'dist-h5')
    fs.mkdirSync(ownDist)
    fs.writeFileSync(path.join(ownDist, 'index.html'), '<!doctype html>')
    expect(h5BuildOutdated(ownDist, root)).toMatch(/有变化/)
    writeH5Stamp(ownDist, h5SourceHash(root))
    expect(h5BuildOutdated(ownDist, root)).toBeNull()
    fs.writeFileSync(path.join(root, 'src', 'app.ts'), 'export const changed = true')
    expect(h5BuildOutdated(ownDist, root)).toMatch(/有变化/)
  })
})
