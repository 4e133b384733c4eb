/// Words seen in texts, keyed by their UTF-16 code units, each with an index into the
/// matcher's word information. An open-addressing table over one flat buffer: looking a
/// word up hashes and compares code units, without creating a String (Swift's String
/// hashing normalizes to NFC, which dominated the matcher's cost).
///
/// Each slot holds the entry's number and the upper half of its word's hash, so a probe
/// that meets another word rarely needs to compare code units.
struct WordTable {
    /// 0 for an empty slot; else (hash >> 32) << 32 | (entry + 1).
    private var slots: [UInt64]
    /// Per entry: where its code units start in `units` (upper half) and how many there are.
    private var spans: [UInt64] = []
    private var units: [UInt16] = []
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    private static func hash(_ buffer: [UInt16], _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range {
            hash ^= UInt64(buffer[index])
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // Mix the upper bits into the lower ones, which pick the slot.
        return hash ^ (hash >> 29)
    }

    /// The value stored for the code units `buffer[range]`, if any.
    func find(_ buffer: [UInt16], _ range: Range<Int>) -> Int? {
        let hash = Self.hash(buffer, range)
        let tag = hash >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if stored >> 32 == tag {
                let entry = Int(stored & 0xFFFF_FFFF) - 1
                let span = spans[entry]
                if Int(span & 0xFFFF_FFFF) == range.count && equal(Int(span >> 32), buffer, range) { return entry }
            }
            slot = (slot + 1) & mask
        }
    }

    private func equal(_ start: Int, _ buffer: [UInt16], _ range: Range<Int>) -> Bool {
        let base = start - range.lowerBound
        for index in range where units[base + index] != buffer[index] { return false }
        return true
    }

    /// Stores the code units `buffer[range]`; the entry's number is its order of insertion.
    mutating func insert(_ buffer: [UInt16], _ range: Range<Int>) -> Int {
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let entry = count
        spans.append(UInt64(units.count) << 32 | UInt64(range.count))
        units.append(contentsOf: buffer[range])
        place(entry, hash: Self.hash(buffer, range))
        count += 1
        return entry
    }

    mutating func removeAll() {
        slots = Array(repeating: 0, count: slots.count)
        spans.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
        count = 0
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in 0..<count {
            let start = Int(spans[entry] >> 32)
            place(entry, hash: Self.hash(units, start..<(start + Int(spans[entry] & 0xFFFF_FFFF))))
        }
    }
}
