import { requestHeaders } from '@app/api/http'

describe('request headers', () => {
  it('send the bearer token and the Idempotency-Key when given', () => {
    expect(requestHeaders({ token: 'tok', idempotencyKey: 'key-12345678', hasBody: true })).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: 'Bearer tok',
      'Idempotency-Key': 'key-12345678',
    })
  })

  it('send neither on a public GET', () => {
    expect(requestHeaders({ token: null, hasBody: false })).toEqual({ Accept: 'application/json' })
  })
})
