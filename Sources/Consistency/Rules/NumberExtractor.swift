import Linguistics

/// The numbers of a text, written without separators so that "1 234,5", "1.234,5"
/// and "1,234.5" compare equal ("12345"). Scans UTF-8 bytes: digits are ASCII. Inside a
/// number, `.`, `,`, `'` and `’` continue it when a digit follows; a space, a no-break
/// space or a narrow no-break space only when a group of three digits follows ("2 500",
/// not "2 32").
enum NumberExtractor {
    static func numbers(in text: String) -> [String] {
        // Most texts have no digit: answer without copying them.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        let bytes = Array(text.utf8)
        var result: [String] = []
        var current: [UInt8] = []
        var index = 0
        func isDigit(_ position: Int) -> Bool { position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
        /// Three digits at `position`, then no digit.
        func isGroup(_ position: Int) -> Bool { isDigit(position) && isDigit(position + 1) && isDigit(position + 2) && !isDigit(position + 3) }
        func separatorLength(at position: Int) -> Int {
            guard position < bytes.count else { return 0 }
            switch bytes[position] {
            case 0x2E, 0x2C, 0x27: return isDigit(position + 1) ? 1 : 0
            case 0x20: return isGroup(position + 1) ? 1 : 0
            case 0xC2 where position + 1 < bytes.count && bytes[position + 1] == 0xA0: return isGroup(position + 2) ? 2 : 0
            case 0xE2 where position + 2 < bytes.count && bytes[position + 1] == 0x80 && bytes[position + 2] == 0x99: return isDigit(position + 3) ? 3 : 0
            case 0xE2 where position + 2 < bytes.count && bytes[position + 1] == 0x80 && bytes[position + 2] == 0xAF: return isGroup(position + 3) ? 3 : 0
            default: return 0
            }
        }
        while index < bytes.count {
            if isDigit(index) {
                current.append(bytes[index])
                index += 1
                // One separator followed by a digit continues the number.
                index += separatorLength(at: index)
            } else {
                if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
                index += 1
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result.sorted()
    }

    /// Nil when source and target have the same numbers (a number written in digits on one
    /// side may be a word on the other: "three"/"3", "zwölf"/"12"), else what differs.
    /// Numbers in `excusing` (written inside terms) may be on one side only.
    static func difference(_ source: String, _ sourceLanguage: String, _ target: String, _ targetLanguage: String,
                           excusing: [String] = []) -> String? {
        let sourceNumbers = numbers(in: source), targetNumbers = numbers(in: target)
        guard sourceNumbers != targetNumbers else { return nil }
        var onlySource = sourceNumbers, onlyTarget: [String] = []
        for number in targetNumbers {
            if let index = onlySource.firstIndex(of: number) { onlySource.remove(at: index) } else { onlyTarget.append(number) }
        }
        func excuse(_ numbers: inout [String], words: [String]) {
            var words = words
            numbers.removeAll { number in
                let plain = String(number.drop { $0 == "0" }.isEmpty ? "0" : number.drop { $0 == "0" })
                guard let index = words.firstIndex(of: plain) else { return false }
                words.remove(at: index)
                return true
            }
        }
        onlySource.removeAll { excusing.contains($0) }
        onlyTarget.removeAll { excusing.contains($0) }
        excuse(&onlySource, words: NumberWords.values(in: target, language: LanguageTag.primary(targetLanguage)))
        excuse(&onlyTarget, words: NumberWords.values(in: source, language: LanguageTag.primary(sourceLanguage)))
        guard !onlySource.isEmpty || !onlyTarget.isEmpty else { return nil }
        func list(_ numbers: [String]) -> String { numbers.isEmpty ? "none" : numbers.joined(separator: " ") }
        return "numbers differ: source \(list(sourceNumbers)), target \(list(targetNumbers))"
            + " (\(onlySource.isEmpty ? "" : "not in the target: \(list(onlySource))")\(onlySource.isEmpty || onlyTarget.isEmpty ? "" : "; ")\(onlyTarget.isEmpty ? "" : "not in the source: \(list(onlyTarget))"))"
    }
}
