/*
 * Races and crash-safety can only be shown on real PostgreSQL: PGlite has one
 * connection and runs in the test's own process (docs/platform-notes.md). Without
 * TEST_DATABASE_URL such a suite is skipped, and says so where a person looks: on
 * stderr right away, and as the name of its skipped test in jest's summary.
 */

export const POSTGRES_URL = process.env.TEST_DATABASE_URL

const HOW_TO_RUN = 'set TEST_DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DATABASE (an empty database the tests may fill) and run npm test again'

/** `describe` when PostgreSQL is configured; otherwise one skipped test whose name says why and how. */
export function describeOnPostgres(title: string, suite: () => void): void {
  if (POSTGRES_URL) {
    describe(title, suite)
    return
  }
  const why = `${title}: skipped, no PostgreSQL — ${HOW_TO_RUN}`
  process.stderr.write(`\n${why}\n`)
  describe(title, () => it.skip(why, () => undefined))
}
