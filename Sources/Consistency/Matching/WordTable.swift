/// Words seen in texts, keyed by their UTF-16 code units, each with an index into the
/// matcher's word information. An open-addressing table over one flat buffer: looking a
/// word up hashes and compares code units, without creating a String (Swift's String
/// hashing normalizes to NFC, which dominated the matcher's cost).
struct WordTable {
    private var slots: [Int32]
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var units: [UInt16] = []
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
    }

    private static func hash(_ buffer: [UInt16], _ range: Range<Int>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range {
            hash ^= UInt64(buffer[index])
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash & 0x7FFF_FFFF_FFFF_FFFF)
    }

    /// The value stored for the code units `buffer[range]`, if any.
    func find(_ buffer: [UInt16], _ range: Range<Int>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(buffer, range) & mask
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if lengths[entry] == range.count {
                let base = starts[entry] - range.lowerBound
                var equal = true
                for index in range where units[base + index] != buffer[index] {
                    equal = false
                    break
                }
                if equal { return entry }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores the code units `buffer[range]`; the entry's number is its order of insertion.
    mutating func insert(_ buffer: [UInt16], _ range: Range<Int>) -> Int {
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let entry = count
        starts.append(units.count)
        lengths.append(range.count)
        units.append(contentsOf: buffer[range])
        place(entry, hash: Self.hash(buffer, range))
        count += 1
        return entry
    }

    mutating func removeAll() {
        slots = Array(repeating: -1, count: slots.count)
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
        count = 0
    }

    private mutating func place(_ entry: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for entry in 0..<count {
            place(entry, hash: Self.hash(units, starts[entry]..<(starts[entry] + lengths[entry])))
        }
    }
}
