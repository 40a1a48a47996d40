import crypto from 'node:crypto'

/*
 * Attachment photos are private: a complaint view (owner or handling regulator) carries a
 * short-lived signed URL per photo, and GET /api/v1/attachments/:id serves the file only
 * with a valid, unexpired signature. A URL rather than a bearer header because <Image>
 * in the mini-program and <img> in H5 cannot send Authorization headers.
 *
 * The secret is the server's (ATTACHMENT_URL_SECRET), given to the signer buildApp makes; every server
 * behind a load balancer must share it. Without one (dev, tests) a random secret per
 * process is used, so URLs die with the process — harmless, they live minutes anyway.
 */

/** How long a signed URL works. Long enough to load a page, short enough not to be shared. */
export const SIGNED_URL_TTL_SECONDS = 5 * 60

/** Signs and checks photo links with the server's key; buildApp makes one and hands it to the routes that need it. */
export class AttachmentUrlSigner {
  private readonly secret: Buffer

  /** Without a secret (dev, tests) a random one: links then work only on this process. */
  constructor(secret?: string) {
    this.secret = secret !== undefined ? Buffer.from(secret, 'utf8') : crypto.randomBytes(32)
  }

  /** `/api/v1/attachments/<id>?expires=<unix seconds>&sig=<HMAC>`, valid for SIGNED_URL_TTL_SECONDS. */
  url(id: string, now: Date = new Date()): string {
    const expires = Math.floor(now.getTime() / 1000) + SIGNED_URL_TTL_SECONDS
    return `/api/v1/attachments/${encodeURIComponent(id)}?expires=${expires}&sig=${this.signature(id, expires)}`
  }

  /** Whether expires/sig were made by url() for this id and have not yet run out. */
  verify(id: string, expires: number, sig: string, now: Date = new Date()): boolean {
    if (!Number.isSafeInteger(expires) || expires * 1000 <= now.getTime()) return false
    const expected = Buffer.from(this.signature(id, expires))
    const given = Buffer.from(sig)
    // Constant time: a byte-by-byte compare would leak how much of a guess was right.
    return given.length === expected.length && crypto.timingSafeEqual(given, expected)
  }

  private signature(id: string, expires: number): string {
    return crypto.createHmac('sha256', this.secret).update(`attachment\n${id}\n${expires}`).digest('base64url')
  }
}
