import { withDatabase } from '../../withDatabase'
import { AdminUsageError, runAdminCommand } from './adminCommands'

/* `npm run admin -- …` (see adminCommands.ts): the same database the server uses. */

withDatabase((db) => runAdminCommand(db, process.argv.slice(2)))
  .then((output) => {
    console.log(output)
  })
  .catch((error: Error) => {
    console.error(error instanceof AdminUsageError ? error.message : error)
    process.exit(error instanceof AdminUsageError ? 2 : 1)
  })
