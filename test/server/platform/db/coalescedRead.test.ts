import { coalescedRead } from '@server/platform/db/coalescedRead'

/** A stand-in for a table: reads report the value at the moment they start, and are counted. */
function counter() {
  const state = { value: 0, reads: 0 }
  const read = async () => {
    state.reads++
    return state.value
  }
  return { state, read }
}

describe('coalescedRead', () => {
  it('gives the callers of one moment one shared read', async () => {
    const { state, read } = counter()
    const shared = coalescedRead(read)
    await expect(Promise.all([shared(), shared(), shared()])).resolves.toEqual([0, 0, 0])
    expect(state.reads).toBe(1)
  })

  it('never answers a caller with a read that started before it asked', async () => {
    const { state, read } = counter()
    const shared = coalescedRead(read)
    const first = shared()
    await first
    // A write committed after the first read, then a new request: it must see the write.
    state.value = 1
    await expect(shared()).resolves.toBe(1)
    expect(state.reads).toBe(2)
  })

  it('sees a write made after the callers asked but before the read ran, as a fresh read would', async () => {
    const { state, read } = counter()
    const shared = coalescedRead(read)
    const pending = shared()
    state.value = 2
    await expect(pending).resolves.toBe(2)
  })

  it('hands a failed read to all its callers and reads again for the next', async () => {
    let fail = true
    const shared = coalescedRead(async () => {
      if (fail) throw new Error('database gone')
      return 'ok'
    })
    await expect(Promise.all([shared(), shared()])).rejects.toThrow('database gone')
    fail = false
    await expect(shared()).resolves.toBe('ok')
  })
})
