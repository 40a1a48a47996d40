/** Where an S3-compatible store is and how to sign for it (server/config.ts reads them from the environment). */
export interface S3Settings {
  /** e.g. https://s3.example.com (path-style: <endpoint>/<bucket>/<key>) */
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  /** Only from the environment, never in the repo or a response. */
  secretAccessKey: string
}
