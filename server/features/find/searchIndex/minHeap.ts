/**
 * A binary min-heap of integer items by number keys, in two growing arrays so a
 * search pushes thousands of candidates without an object per candidate.
 */
export class MinHeap {
  private items: number[] = []
  private keys: number[] = []

  get size(): number {
    return this.items.length
  }

  /** The smallest key; undefined when empty. */
  peekKey(): number | undefined {
    return this.keys[0]
  }

  peekItem(): number | undefined {
    return this.items[0]
  }

  push(item: number, key: number): void {
    const { items, keys } = this
    let at = items.length
    items.push(item)
    keys.push(key)
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
    const { items, keys } = this
    if (items.length === 0) return undefined
    const top = items[0]
    const lastItem = items.pop()!
    const lastKey = keys.pop()!
    const length = items.length
    if (length > 0) {
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
}
