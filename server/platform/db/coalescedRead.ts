/*
 * One database read shared by every request that asks for it in the same turn of the
 * event loop: the first caller schedules the read for the end of the turn (setImmediate),
 * every caller until then gets that same read, and the next caller after it started
 * schedules a new one. So each answer still comes from a read that began after its
 * request asked (nothing committed before a request is missed: no staleness, unlike a
 * cache), while a burst of concurrent requests costs one query instead of one each.
 * Used where a small read is repeated by every request of a hot route (the 可预约 set of
 * GET /institutions, issue 11's search bar); PGlite runs queries one at a time on the
 * server's own thread, so each one saved is time every other request gets back.
 */
export function coalescedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let next: Promise<T> | undefined
  return () => {
    if (!next) {
      next = new Promise<T>((resolve, reject) => {
        setImmediate(() => {
          // From here on, callers wait for a read that starts after they asked.
          next = undefined
          read().then(resolve, reject)
        })
      })
    }
    return next
  }
}
