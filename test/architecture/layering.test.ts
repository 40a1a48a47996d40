import { importCircles, importEdges, layeringViolations, readSources, SourceFiles } from '@test/support/importGraph'
import { REPO_ROOT } from '@test/support/repoPaths'

/* The structure docs/architecture.md describes, held against the code's own imports. */

const sources = readSources(REPO_ROOT, ['src', 'server'])
const edges = importEdges(sources)

describe('the layout of src/ and server/', () => {
  it('reads the whole tree', () => {
    expect(sources.size).toBeGreaterThan(200)
    expect(edges.length).toBeGreaterThan(1000)
  })

  it('keeps every layering rule: features meet through services, platform knows no feature, app and server meet only in the contract', () => {
    expect(layeringViolations(edges)).toEqual([])
  })

  it('has no import circle', () => {
    expect(importCircles(edges)).toEqual([])
  })

  it('has no source file over 400 lines', () => {
    const long = [...sources].filter(([, text]) => text.split('\n').length > 400).map(([file]) => file)
    expect(long).toEqual([])
  })
})

describe('the checks themselves', () => {
  const planted: SourceFiles = new Map([
    ['server/features/complaint/complaints.ts', "import { findBooking } from '../booking/bookingRepository'\nimport { slots } from '../booking/slots'"],
    ['server/features/booking/bookingRepository.ts', 'export const findBooking = 1'],
    ['server/features/booking/slots.ts', "import { x } from '@server/features/booking/bookingRepository'\nexport const slots = 1"],
    ['server/platform/db/database.ts', "import { slots } from '../../features/booking/slots'"],
    ['server/features/find/search.ts', "import { FilterBar } from '@app/components/FilterBar'"],
    ['src/components/FilterBar.tsx', "import { search } from '../../server/features/find/search'"],
    ['src/domain/a.ts', "import { b } from './b'"],
    ['src/domain/b.ts', "import { a } from './a'"],
    ['src/packages/booking/pages/book/index.tsx', "import { a } from '../../../../domain/a'"],
  ])
  const plantedEdges = importEdges(planted)

  it('catches a feature reading another feature’s repository, and only that', () => {
    const found = layeringViolations(plantedEdges)
    expect(found).toContain("server/features/complaint/complaints.ts uses another feature's repository server/features/booking/bookingRepository.ts")
    expect(found.filter((line) => line.startsWith('server/features/booking/slots.ts'))).toEqual([])
    expect(found.filter((line) => line.includes('booking/slots.ts') && line.startsWith('server/features/complaint'))).toEqual([])
  })

  it('catches platform importing a feature, server importing the app, the app importing the server, and deep climbs', () => {
    const found = layeringViolations(plantedEdges)
    expect(found).toEqual(
      expect.arrayContaining([
        'server/platform/db/database.ts (platform) imports server/features/booking/slots.ts',
        "server/features/find/search.ts (server) imports the app's src/components/FilterBar.tsx",
        "src/components/FilterBar.tsx (app) imports the server's server/features/find/search.ts",
        "src/packages/booking/pages/book/index.tsx climbs three or more folders: '../../../../domain/a'",
      ]),
    )
  })

  it('catches an import circle', () => {
    expect(importCircles(plantedEdges)).toContainEqual(['src/domain/a.ts', 'src/domain/b.ts'])
    expect(importCircles(importEdges(new Map([['src/domain/a.ts', "import { c } from './c'"], ['src/domain/c.ts', '']])))).toEqual([])
  })
})
