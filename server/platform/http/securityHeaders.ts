import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import http from 'node:http'
import net from 'node:net'
import helmet, { HelmetOptions } from 'helmet'
import { FastifyInstance } from 'fastify'
import { isApiPath } from './staticApp'

/*
 * Security headers on every answer (docs/architecture.md, "HTTP"), computed once at start:
 *   - the H5 app, its files and every other non-API answer: helmet's set (nosniff, frame
 *     protection, Referrer-Policy, HSTS…) with a Content-Security-Policy the app runs under;
 *   - API answers: the set a JSON answer needs (OWASP's REST Security Cheat Sheet). It is
 *     never a document, so its CSP allows nothing at all and no frame, and helmet's
 *     document-only headers (COOP, Origin-Agent-Cluster, X-Download-Options…) and the
 *     app's long CSP would be ~470 bytes more on every answer, read by no browser; and
 *     `Cache-Control: no-store`:
 *     API answers are personal (a parent's children, bookings, complaints) or may be, so no
 *     shared cache or back/forward cache keeps them. A route that sets its own Cache-Control
 *     (a premises photo) replaces it.
 */

/** sha256 sources of the inline <script>s of the H5 build's index.html (Taro's rem sizing). */
export function inlineScriptHashes(h5Dist: string): string[] {
  const indexFile = path.join(h5Dist, 'index.html')
  if (!fs.existsSync(indexFile)) return []
  const html = fs.readFileSync(indexFile, 'utf8')
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${crypto.createHash('sha256').update(match[1], 'utf8').digest('base64')}'`,
  )
}

/** helmet's options: its default set, with the CSP the H5 app runs under. */
export function helmetOptions(h5Dist: string): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(h5Dist)],
        // Taro's components set style attributes; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Photos and the app are same-origin; nothing here is embedded cross-origin.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  }
}

/**
 * The headers helmet's middleware sets, computed once by running it on a response that
 * is never sent. They do not depend on the request (no CSP nonces, no directive
 * functions), so every answer can carry the same set. (@fastify/helmet, used before,
 * rebuilt helmet — parsing the CSP directives again — on every request: issue 11 found
 * it a tenth of the search route's own cost.)
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const request = new http.IncomingMessage(new net.Socket())
  const response = new http.ServerResponse(request)
  let failure: unknown
  helmet(options)(request, response, (error?: unknown) => (failure = error))
  if (failure) throw failure
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]))
}

/** What every API answer carries; the frame and referrer rules match the app's. */
export function apiHeaders(documentHeaders: Record<string, string>): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': documentHeaders['referrer-policy'],
    'strict-transport-security': documentHeaders['strict-transport-security'],
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
  }
}

export async function installSecurityHeaders(app: FastifyInstance, h5Dist: string): Promise<void> {
  const documents = helmetHeaders(helmetOptions(h5Dist))
  const api = apiHeaders(documents)
  // A callback hook, not an async one: it runs on every answer, and a promise each costs more than the work.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiPath(request.url) ? api : documents)
    done()
  })
}
