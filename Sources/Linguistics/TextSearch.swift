import CICUBridge

/// Finds a phrase in a text by ICU collation: with a primary-strength collator,
/// "economie sociale" finds "Économie Sociale".
///
/// ```swift
/// let search = try TextSearch(collator: Collator(locale: "fr", strength: .primary))
/// let text = "Vive l'Économie Sociale !"
/// search.ranges(of: "economie sociale", in: text).map { text[$0] } // ["Économie Sociale"]
/// ```
public struct TextSearch: Sendable {
    /// The collator whose strength decides what counts as equal.
    public let collator: Collator
    /// Whether matches must start and end on word boundaries.
    public let wholeWords: Bool

    public init(collator: Collator, wholeWords: Bool = true) {
        self.collator = collator
        self.wholeWords = wholeWords
    }

    /// Every match of `pattern` in `text`, in order.
    public func ranges(of pattern: String, in text: String) -> [Range<String.Index>] {
        let patternUnits = Array(pattern.utf16)
        let textUnits = Array(text.utf16)
        guard !patternUnits.isEmpty, !textUnits.isEmpty else { return [] }
        var capacity = 16
        while true {
            var starts = [Int32](repeating: 0, count: capacity)
            var lengths = [Int32](repeating: 0, count: capacity)
            var status: Int32 = 0
            let count = Int(collator.withHandle { handle in
                pc_search_all(handle, patternUnits, Int32(patternUnits.count), textUnits, Int32(textUnits.count),
                              &starts, &lengths, Int32(capacity), &status)
            })
            if status > 0 { return [] }
            if count > capacity {
                capacity = count
                continue
            }
            var matches = (0..<count).map { Int(starts[$0])..<Int(starts[$0] + lengths[$0]) }
            if wholeWords { matches = wordAligned(matches, in: text) }
            var cursor = IndexCursor(text: text)
            return matches.map { match in
                cursor.index(atUTF16Offset: match.lowerBound)..<cursor.index(atUTF16Offset: match.upperBound)
            }
        }
    }

    /// The matches that start where a word starts and end where a word ends, as
    /// ``WordTokenizer`` sees words (so "Économie" in "l'Économie" counts in French).
    private func wordAligned(_ matches: [Range<Int>], in text: String) -> [Range<Int>] {
        guard !matches.isEmpty, let tokenizer = try? WordTokenizer(locale: collator.locale.tag) else { return matches }
        let words = tokenizer.words(in: text)
        let starts = Set(words.map(\.utf16Range.lowerBound))
        let ends = Set(words.map(\.utf16Range.upperBound))
        return matches.filter { starts.contains($0.lowerBound) && ends.contains($0.upperBound) }
    }

    /// True when `pattern` occurs in `text`.
    public func contains(_ pattern: String, in text: String) -> Bool {
        !ranges(of: pattern, in: text).isEmpty
    }
}
