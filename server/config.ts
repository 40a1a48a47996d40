import path from 'node:path'
import { z } from 'zod'

/*
 * All configuration, read from the environment once and validated at start. The
 * defaults make `npm start` work on a fresh machine: embedded database in ./data,
 * demo sign-in on, the H5 build served from ./dist-h5.
 */

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], { error: '只能是 1/0、true/false、on/off 或 yes/no' })
  .transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes')

const ConfigEnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头' })
    .optional(),
  DEMO_LOGIN: flag.optional(),
  WECHAT_API_BASE: z.url({ error: 'WECHAT_API_BASE 必须是网址' }).optional(),
  H5_DIST: z.string().min(1).default('./dist-h5'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEARCH_INDEX_REFRESH_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
})

export interface Config {
  nodeEnv: string
  port: number
  host: string
  /** Absolute path of the embedded database's folder (used only without databaseUrl). */
  dataDir: string
  databaseUrl?: string
  demoLogin: boolean
  wechatApiBase?: string
  /** Absolute path of the H5 build served at /. */
  h5Dist: string
  logLevel: z.infer<typeof ConfigEnvSchema>['LOG_LEVEL']
  /**
   * How often (ms) each server checks whether the institution data changed and its
   * in-memory search index must be rebuilt (server/search/). 0 turns the background
   * index off: searches use SQL until something calls refresh().
   */
  searchIndexRefreshMs: number
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  // An empty variable (FOO= in a shell or .env) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = ConfigEnvSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new ConfigError(`配置有误 / invalid configuration: ${problems}`)
  }
  const e = parsed.data
  const production = e.NODE_ENV === 'production'
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    // API.md: demo sign-in is on in the embedded/demo setup, off by default in production.
    demoLogin: e.DEMO_LOGIN ?? !production,
    wechatApiBase: e.WECHAT_API_BASE,
    h5Dist: path.resolve(cwd, e.H5_DIST),
    logLevel: e.LOG_LEVEL,
    searchIndexRefreshMs: e.SEARCH_INDEX_REFRESH_MS,
  }
}
