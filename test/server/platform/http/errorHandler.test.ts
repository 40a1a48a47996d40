import Fastify, { FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { ApiError } from '@server/platform/http/apiError'
import { installErrorHandling } from '@server/platform/http/errorHandler'

/*
 * The error handler on a Fastify app with the same compilers as the real one and a
 * few routes that fail in each way a request can.
 */
async function appWithRoutes(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024 }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)
  app.post(
    '/bookings',
    { schema: { body: z.object({ contactPhone: z.string().regex(/^1\d{10}$/, '请填写 11 位手机号'), seats: z.number().int() }) } },
    async () => ({ ok: true }),
  )
  app.get('/full', async () => {
    throw new ApiError('SLOT_FULL')
  })
  app.get('/bug', async () => {
    throw new Error('database password is hunter2')
  })
  app.get('/bad-response', { schema: { response: { 200: z.object({ n: z.number() }) } } }, async () => ({ n: 'x' }) as never)
  await app.ready()
  return app
}

describe('the error handler', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await appWithRoutes()
  })
  afterAll(() => app.close())

  function errorOf(body: string) {
    return ErrorBodySchema.parse(JSON.parse(body)).error
  }

  it('keys body validation messages like "body.contactPhone", in Chinese', async () => {
    const response = await app.inject({ method: 'POST', url: '/bookings', payload: { contactPhone: '123', seats: 'two' } })
    expect(response.statusCode).toBe(400)
    const error = errorOf(response.body)
    expect(error.code).toBe('VALIDATION')
    expect(error.fields).toEqual({ 'body.contactPhone': '请填写 11 位手机号', 'body.seats': expect.stringMatching(/[\u4e00-\u9fff]/) })
  })

  it.each([
    ['malformed JSON', '{"contactPhone": ', 'application/json'],
    ['an empty JSON body', '', 'application/json'],
    ['a content type it does not take', 'contactPhone=1', 'application/x-www-form-urlencoded'],
    ['a body over the size limit', JSON.stringify({ contactPhone: 'x'.repeat(2048) }), 'application/json'],
  ])('answers %s with 400 VALIDATION, never 500', async (_case, payload, contentType) => {
    const response = await app.inject({ method: 'POST', url: '/bookings', payload, headers: { 'content-type': contentType } })
    expect(response.statusCode).toBe(400)
    const error = errorOf(response.body)
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('answers a domain failure with its own code and status', async () => {
    const response = await app.inject({ url: '/full' })
    expect(response.statusCode).toBe(409)
    expect(errorOf(response.body)).toEqual({ code: 'SLOT_FULL', message: '这个时段已约满，请选择其他时间' })
  })

  it('answers a bug with 500 INTERNAL and a generic message that reveals nothing', async () => {
    for (const url of ['/bug', '/bad-response']) {
      const response = await app.inject({ url })
      expect(response.statusCode).toBe(500)
      expect(errorOf(response.body)).toEqual({ code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' })
      expect(response.body).not.toContain('hunter2')
    }
  })
})
