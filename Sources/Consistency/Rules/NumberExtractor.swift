/// The numbers of a text, written without separators so that "1 234,5", "1.234,5"
/// and "1,234.5" compare equal ("12345"). Scans UTF-8 bytes: digits are ASCII, and the
/// separators inside a number are a space, `.`, `,`, `'`, `’`, a no-break space or a
/// narrow no-break space.
enum NumberExtractor {
    static func numbers(in text: String) -> [String] {
        // Most texts have no digit: answer without copying them.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        let bytes = Array(text.utf8)
        var result: [String] = []
        var current: [UInt8] = []
        var index = 0
        func separatorLength(at position: Int) -> Int {
            guard position < bytes.count else { return 0 }
            switch bytes[position] {
            case 0x20, 0x2E, 0x2C, 0x27: return 1
            case 0xC2 where position + 1 < bytes.count && bytes[position + 1] == 0xA0: return 2
            case 0xE2 where position + 2 < bytes.count && bytes[position + 1] == 0x80 && (bytes[position + 2] == 0xAF || bytes[position + 2] == 0x99): return 3
            default: return 0
            }
        }
        func isDigit(_ position: Int) -> Bool { position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
        while index < bytes.count {
            if isDigit(index) {
                current.append(bytes[index])
                index += 1
                // One separator followed by a digit continues the number.
                let length = separatorLength(at: index)
                if length > 0 && isDigit(index + length) { index += length }
            } else {
                if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
                index += 1
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result.sorted()
    }
}
