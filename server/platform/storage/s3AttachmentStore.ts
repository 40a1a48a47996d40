import { AwsClient } from 'aws4fetch'
import { S3Settings } from './s3Settings'
import { AttachmentStore, assertStorageKey } from './attachmentStore'

/**
 * Photos in an S3-compatible bucket (AWS S3, MinIO, 腾讯云 COS, 阿里云 OSS in S3 mode),
 * path-style (<endpoint>/<bucket>/<key>), every request signed with SigV4 by aws4fetch.
 * The bucket must be private: nothing is ever read from it except by this server.
 */
export class S3AttachmentStore implements AttachmentStore {
  private readonly client: AwsClient
  private readonly base: string

  constructor(settings: S3Settings) {
    this.client = new AwsClient({
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      region: settings.region,
      service: 's3',
      // The retention job retries on its next run; a request should not hang on retries.
      retries: 2,
    })
    this.base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}`
  }

  private url(key: string): string {
    assertStorageKey(key)
    return `${this.base}/${key}`
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const response = await this.client.fetch(this.url(key), {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: { 'content-type': contentType },
    })
    await expectOk(response, 'PUT')
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.client.fetch(this.url(key), { method: 'GET' })
    if (response.status === 404) {
      await response.body?.cancel()
      return null
    }
    if (!response.ok) await expectOk(response, 'GET')
    return Buffer.from(await response.arrayBuffer())
  }

  async delete(key: string): Promise<void> {
    const response = await this.client.fetch(this.url(key), { method: 'DELETE' })
    // S3 answers 204 for a missing key too; other stores may say 404.
    if (response.status === 404) {
      await response.body?.cancel()
      return
    }
    await expectOk(response, 'DELETE')
  }
}

async function expectOk(response: Response, method: string): Promise<void> {
  if (response.ok) {
    await response.body?.cancel()
    return
  }
  const text = (await response.text()).slice(0, 300)
  throw new Error(`S3 ${method} failed: ${response.status} ${text}`)
}
