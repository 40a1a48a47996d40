/**
 * A binary min-heap of integer items by number keys, in two typed arrays that grow as
 * needed and are kept between uses (clear()), so a search pushes hundreds of candidates
 * without an object, or an array, per candidate or per search.
 */
export class MinHeap {
  private items = new Int32Array(256)
  private keys = new Float64Array(256)
  private length = 0

  get size(): number {
    return this.length
  }

  clear(): void {
    this.length = 0
  }

  /** The smallest key; undefined when empty. */
  peekKey(): number | undefined {
    return this.length > 0 ? this.keys[0] : undefined
  }

  peekItem(): number | undefined {
    return this.length > 0 ? this.items[0] : undefined
  }

  push(item: number, key: number): void {
    if (this.length === this.items.length) this.grow()
    const { items, keys } = this
    let at = this.length++
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (keys[parent] <= key) break
      items[at] = items[parent]
      keys[at] = keys[parent]
      at = parent
    }
    items[at] = item
    keys[at] = key
  }

  /** Removes the item with the smallest key and returns it; undefined when empty. */
  pop(): number | undefined {
    if (this.length === 0) return undefined
    const { items, keys } = this
    const top = items[0]
    const length = --this.length
    if (length > 0) {
      const lastItem = items[length]
      const lastKey = keys[length]
      let at = 0
      for (;;) {
        let child = 2 * at + 1
        if (child >= length) break
        if (child + 1 < length && keys[child + 1] < keys[child]) child++
        if (keys[child] >= lastKey) break
        items[at] = items[child]
        keys[at] = keys[child]
        at = child
      }
      items[at] = lastItem
      keys[at] = lastKey
    }
    return top
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2)
    const keys = new Float64Array(this.keys.length * 2)
    items.set(this.items)
    keys.set(this.keys)
    this.items = items
    this.keys = keys
  }
}
