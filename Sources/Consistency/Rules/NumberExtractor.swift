import Linguistics

/// The numbers of a text, written without separators so that "1 234,5", "1.234,5"
/// and "1,234.5" compare equal ("12345"), and without leading zeros ("05" = "5"). Scans
/// UTF-8 bytes: digits are ASCII. A run of digits and separators (`.`, `,`, `'`, `’`, and a
/// space, no-break space or narrow no-break space before a group of three digits) is one
/// number when it reads as one: a single separator, or thousands groups of three digits
/// with at most a decimal part at the end. Otherwise ("14.05.2024", "1.2.3") each group is a
/// number of its own, as a date or a version is in another locale ("05/14/2024").
enum NumberExtractor {
    /// The numbers of `text`, in the order of the text.
    static func numbers(in text: String) -> [String] {
        // Most texts have no digit: answer without copying them.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        let bytes = Array(text.utf8)
        var result: [String] = []
        var index = 0
        func isDigit(_ position: Int) -> Bool { position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
        /// Three digits at `position`, then no digit.
        func isGroup(_ position: Int) -> Bool { isDigit(position) && isDigit(position + 1) && isDigit(position + 2) && !isDigit(position + 3) }
        /// The length of a separator at `position` that continues a number.
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
            guard isDigit(index) else { index += 1; continue }
            // One run: groups of digits between separators.
            var groups: [[UInt8]] = [[]]
            while index < bytes.count {
                if isDigit(index) {
                    groups[groups.count - 1].append(bytes[index])
                    index += 1
                } else if case let length = separatorLength(at: index), length > 0 {
                    groups.append([])
                    index += length
                } else {
                    break
                }
            }
            let inner = groups.dropFirst().dropLast()
            let readsAsOne = groups.count <= 2 || (inner.allSatisfy { $0.count == 3 } && groups[0].count <= 3)
            for number in readsAsOne ? [groups.flatMap { $0 }] : groups {
                let digits = number.drop { $0 == 0x30 }
                result.append(digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self))
            }
        }
        return result
    }

    /// Nil when source and target have the same numbers (a number written in digits on one
    /// side may be a word on the other: "three"/"3", "zwölf"/"12"), else what differs.
    /// Numbers in `excusing` (written inside terms) may be on one side only.
    static func difference(_ source: String, _ sourceLanguage: String, _ target: String, _ targetLanguage: String,
                           excusing: [String] = []) -> String? {
        let sourceInOrder = numbers(in: source), targetInOrder = numbers(in: target)
        let sourceNumbers = sourceInOrder.sorted(), targetNumbers = targetInOrder.sorted()
        guard sourceNumbers != targetNumbers else { return nil }
        // Counted, not searched: a text may hold thousands of numbers.
        var counts: [String: Int] = [:]
        for number in sourceNumbers { counts[number, default: 0] += 1 }
        var onlyTarget: [String] = []
        for number in targetNumbers {
            if let count = counts[number], count > 0 { counts[number] = count - 1 } else { onlyTarget.append(number) }
        }
        var onlySource = sourceNumbers.filter { number in
            guard let count = counts[number], count > 0 else { return false }
            counts[number] = count - 1
            return true
        }
        func excuse(_ numbers: inout [String], words: [String]) {
            guard !numbers.isEmpty, !words.isEmpty else { return }
            var left: [String: Int] = [:]
            for word in words { left[word, default: 0] += 1 }
            numbers.removeAll { number in
                guard let count = left[number], count > 0 else { return false }
                left[number] = count - 1
                return true
            }
        }
        let excused = Set(excusing)
        onlySource.removeAll { excused.contains($0) }
        onlyTarget.removeAll { excused.contains($0) }
        excuse(&onlySource, words: NumberWords.values(in: target, language: LanguageTag.primary(targetLanguage)))
        excuse(&onlyTarget, words: NumberWords.values(in: source, language: LanguageTag.primary(sourceLanguage)))
        guard !onlySource.isEmpty || !onlyTarget.isEmpty else { return nil }
        func list(_ numbers: [String]) -> String { numbers.isEmpty ? "none" : numbers.joined(separator: " ") }
        return "numbers differ: source \(list(sourceInOrder)), target \(list(targetInOrder))"
            + " (\(onlySource.isEmpty ? "" : "not in the target: \(list(onlySource))")\(onlySource.isEmpty || onlyTarget.isEmpty ? "" : "; ")\(onlyTarget.isEmpty ? "" : "not in the source: \(list(onlyTarget))"))"
    }
}
