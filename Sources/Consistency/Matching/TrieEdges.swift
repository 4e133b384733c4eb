/// The edges of a ``TermDictionary``'s trie: (node, word key) -> child node, in one flat
/// open-addressing table. A dictionary per node cost an allocation per node and a hashed
/// lookup behind a second indirection on every word of every text.
struct TrieEdges {
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var children: [Int32]
    private(set) var count = 0

    init() {
        keys = Array(repeating: Self.empty, count: 64)
        children = Array(repeating: 0, count: 64)
    }

    /// Word keys are fuzzy ids (>= 0) or exact ids (< 0); both fit in 32 bits.
    private static func combine(_ node: Int, _ key: Int) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: node)) << 32 | UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: key)))
    }

    private static func slot(_ combined: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (combined &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The child of `node` along `key`, if any.
    func child(of node: Int, _ key: Int) -> Int? {
        let combined = Self.combine(node, key)
        let mask = keys.count - 1
        var slot = Self.slot(combined, mask: mask)
        while keys[slot] != Self.empty {
            if keys[slot] == combined { return Int(children[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Records the edge `node` -> `child` along `key` (not already present).
    mutating func insert(_ node: Int, _ key: Int, child: Int) {
        if (count + 1) * 10 > keys.count * 7 { grow() }
        place(Self.combine(node, key), Int32(child))
        count += 1
    }

    private mutating func place(_ combined: UInt64, _ child: Int32) {
        let mask = keys.count - 1
        var slot = Self.slot(combined, mask: mask)
        while keys[slot] != Self.empty { slot = (slot + 1) & mask }
        keys[slot] = combined
        children[slot] = child
    }

    private mutating func grow() {
        let oldKeys = keys, oldChildren = children
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        children = Array(repeating: 0, count: oldKeys.count * 2)
        for (slot, key) in oldKeys.enumerated() where key != Self.empty { place(key, oldChildren[slot]) }
    }
}
