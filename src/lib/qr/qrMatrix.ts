import qrcode from 'qrcode-generator'

/**
 * The dark/light modules of a QR code for `text`, row by row. Drawn with Views rather
 * than canvas or an image so the same code works in WeChat and in the browser.
 * Level M survives a scratched or dim screen at the door.
 */
export function qrMatrix(text: string): boolean[][] {
  const code = qrcode(0, 'M')
  code.addData(text)
  code.make()
  const size = code.getModuleCount()
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (__, col) => code.isDark(row, col)))
}

/** One row as runs of dark modules, so a row is a few Views instead of one per module. */
export interface DarkRun {
  start: number
  length: number
}

export function darkRuns(row: readonly boolean[]): DarkRun[] {
  const runs: DarkRun[] = []
  row.forEach((dark, col) => {
    if (!dark) return
    const last = runs[runs.length - 1]
    if (last && last.start + last.length === col) last.length += 1
    else runs.push({ start: col, length: 1 })
  })
  return runs
}
