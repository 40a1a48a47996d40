/** Money is always an integer number of fen (分); 100 fen = 1 元. */
export type Fen = number

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100)
}

/** "¥3,200" or "¥12.50": whole yuan without decimals, otherwise two decimals. */
export function formatFen(fen: Fen): string {
  const yuan = fen / 100
  const digits = Number.isInteger(yuan) ? 0 : 2
  const [whole, fraction] = yuan.toFixed(digits).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `¥${grouped}${fraction ? '.' + fraction : ''}`
}
