import crypto from 'node:crypto'
import http from 'node:http'
import { AddressInfo } from 'node:net'
import { AwsClient } from 'aws4fetch'

/*
 * A stand-in for an S3-compatible object store (AWS S3, MinIO, COS), for tests and local
 * trials of S3_ENDPOINT: a real HTTP server on 127.0.0.1 keeping objects in memory,
 * path-style (/<bucket>/<key>), PUT / GET / HEAD / DELETE only.
 *
 * Like S3 it refuses what is not signed with its key: every request's SigV4 signature is
 * recomputed (with aws4fetch, from the headers the request says it signed) and compared,
 * and a signed payload hash must match the body. Wrong key or signature: 403
 * SignatureDoesNotMatch; unknown bucket: 404 NoSuchBucket; missing key: 404 NoSuchKey.
 */

export interface FakeS3Options {
  accessKeyId?: string
  secretAccessKey?: string
  region?: string
  bucket?: string
}

export interface FakeS3Object {
  bytes: Buffer
  contentType: string
}

export interface FakeS3 {
  url: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  bucket: string
  /** The stored objects by key, for tests to look into. */
  objects: Map<string, FakeS3Object>
  /** Requests refused for a bad signature so far. */
  refused(): number
  close(): Promise<void>
}

function xmlError(res: http.ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' })
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`)
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/[^,]+, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/

export async function startFakeS3(options: FakeS3Options = {}): Promise<FakeS3> {
  const accessKeyId = options.accessKeyId ?? 'fake-access-key'
  const secretAccessKey = options.secretAccessKey ?? crypto.randomBytes(20).toString('hex')
  const region = options.region ?? 'us-east-1'
  const bucket = options.bucket ?? 'anxin-attachments'
  const objects = new Map<string, FakeS3Object>()
  const signer = new AwsClient({ accessKeyId, secretAccessKey, region, service: 's3' })
  let refusedCount = 0

  async function signatureMatches(req: http.IncomingMessage, url: string, body: Buffer): Promise<boolean> {
    const match = AUTHORIZATION.exec(req.headers.authorization ?? '')
    const date = req.headers['x-amz-date']
    if (!match || match[1] !== accessKeyId || typeof date !== 'string') return false
    const signedHeaders = match[2].split(';')
    const headers = new Headers()
    for (const name of signedHeaders) {
      const value = req.headers[name]
      if (name !== 'host' && typeof value === 'string') headers.set(name, value)
    }
    const payloadHash = req.headers['x-amz-content-sha256']
    if (typeof payloadHash === 'string' && payloadHash !== 'UNSIGNED-PAYLOAD') {
      if (crypto.createHash('sha256').update(body).digest('hex') !== payloadHash) return false
    }
    const expected = await signer.sign(url, {
      method: req.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
      aws: { datetime: date },
    })
    return expected.headers.get('authorization') === req.headers.authorization
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req)
      const address = server.address() as AddressInfo
      const url = `http://${req.headers.host ?? `127.0.0.1:${address.port}`}${req.url ?? '/'}`
      if (!(await signatureMatches(req, url, body))) {
        refusedCount += 1
        return xmlError(res, 403, 'SignatureDoesNotMatch')
      }
      const path = new URL(url).pathname
      const [, bucketName, ...keyParts] = path.split('/')
      if (decodeURIComponent(bucketName ?? '') !== bucket) return xmlError(res, 404, 'NoSuchBucket')
      const key = keyParts.map(decodeURIComponent).join('/')
      if (key === '') return xmlError(res, 400, 'InvalidRequest')
      if (req.method === 'PUT') {
        objects.set(key, { bytes: body, contentType: req.headers['content-type'] ?? 'binary/octet-stream' })
        res.writeHead(200, { etag: `"${crypto.createHash('md5').update(body).digest('hex')}"` })
        return res.end()
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        const object = objects.get(key)
        if (!object) return xmlError(res, 404, 'NoSuchKey')
        res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.bytes.length })
        return res.end(req.method === 'GET' ? object.bytes : undefined)
      }
      if (req.method === 'DELETE') {
        // Like S3: deleting a missing key succeeds too.
        objects.delete(key)
        res.writeHead(204)
        return res.end()
      }
      return xmlError(res, 405, 'MethodNotAllowed')
    })().catch(() => xmlError(res, 500, 'InternalError'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    accessKeyId,
    secretAccessKey,
    region,
    bucket,
    objects,
    refused: () => refusedCount,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
