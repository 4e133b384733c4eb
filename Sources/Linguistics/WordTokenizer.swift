import CICUBridge

/// Splits text into words with ICU's locale-aware word-break rules.
///
/// Spaces and punctuation are skipped. Hyphenated words are split
/// ("CSR-Netzwerke" gives "CSR" and "Netzwerke"). In French, an elided article or
/// pronoun is dropped and the word after it is returned: "l'économie" and
/// "d’emplois" give "économie" and "emplois" (ICU keeps them as one word).
/// No-break spaces separate words: French typography puts a narrow no-break space
/// (U+202F) before `: ; ! ?` and inside `« »`, which ICU's rules glue to the word beside
/// it ("ESS\u{202F}:" would be one word); U+00A0, U+2007 and the word joiner U+2060 are
/// read as spaces too.
///
/// ```swift
/// let tokenizer = try WordTokenizer(locale: "fr")
/// tokenizer.words(in: "L'économie sociale, en 2024 !").map { "\($0)" }
/// // ["économie", "sociale", "en", "2024"]
/// ```
///
/// A tokenizer holds an ICU break iterator: use one per task.
public final class WordTokenizer {
    /// The locale whose rules are used.
    public let locale: ICULocale
    /// Whether French elisions (l', d', qu' ...) are split off.
    public let splitsElisions: Bool
    private let handle: OpaquePointer

    /// Elided words of French that ICU leaves attached to the next word.
    static let frenchElisions: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ]

    /// Elided words by language: French, and Luxembourgish `d'` ("d'Gemeng", "D'Kooperativ").
    static let elisions: [String: Set<String>] = ["fr": frenchElisions, "lb": ["d"]]

    /// The elided words of this tokenizer's language.
    private let elided: Set<String>

    /// Opens a tokenizer for a locale; elisions are split for French by default.
    public init(locale tag: String, splitsElisions: Bool? = nil) throws {
        let locale = try ICULocale(tag)
        var status: Int32 = 0
        guard let handle = pc_word_breaker_open(locale.identifier, &status) else {
            throw LinguisticsError.icuFailure(operation: "ubrk_open", code: ICUCall.errorName(status))
        }
        self.handle = handle
        self.locale = locale
        self.splitsElisions = splitsElisions ?? (Self.elisions[locale.language] != nil)
        elided = Self.elisions[locale.language] ?? []
    }

    deinit { pc_word_breaker_close(handle) }

    /// Buffers for ICU's word boundaries, reused from text to text.
    private var starts: [Int32] = [], ends: [Int32] = [], kinds: [Int32] = []
    /// A copy of a text whose no-break spaces were made plain spaces, for ICU.
    private var spaced: [UInt16] = []

    /// True for the no-break spaces and joiners read as spaces between words.
    @inline(__always)
    static func isNoBreakSpace(_ unit: UInt16) -> Bool {
        unit == 0x00A0 || unit == 0x202F || unit == 0x2007 || unit == 0x2060
    }

    /// The words of `text`, in order.
    public func words(in text: String) -> [Word] {
        let utf16 = Array(text.utf16)
        var cursor = IndexCursor(text: text)
        var words: [Word] = []
        utf16.withUnsafeBufferPointer { buffer in
            scan(buffer) { range, kind in
                let lower = cursor.index(atUTF16Offset: range.lowerBound)
                let upper = cursor.index(atUTF16Offset: range.upperBound)
                words.append(Word(range: lower..<upper, utf16Range: range, kind: kind))
            }
        }
        return words
    }

    /// The words of `text` as offsets into its code units, written into `ranges` (emptied
    /// first): for callers that tokenize many texts and reuse one array.
    package func wordRanges(in text: UTF16Text, into ranges: inout [Range<Int>]) {
        ranges.removeAll(keepingCapacity: true)
        text.units.withUnsafeBufferPointer { buffer in scan(buffer) { range, _ in ranges.append(range) } }
    }

    /// ICU's word boundaries, French elisions split off, each given to `body` in order.
    private func scan(_ utf16: UnsafeBufferPointer<UInt16>, _ body: (Range<Int>, Word.Kind) -> Void) {
        // Same length, so the offsets ICU gives hold for the text as it is.
        if utf16.contains(where: { $0 >= 0xA0 && Self.isNoBreakSpace($0) }) {
            spaced.removeAll(keepingCapacity: true)
            spaced.append(contentsOf: utf16.lazy.map { Self.isNoBreakSpace($0) ? 0x20 : $0 })
            let copy = spaced
            copy.withUnsafeBufferPointer { scanSpaced($0, body) }
        } else {
            scanSpaced(utf16, body)
        }
    }

    /// ``scan(_:_:)`` over a text with no no-break space.
    private func scanSpaced(_ utf16: UnsafeBufferPointer<UInt16>, _ body: (Range<Int>, Word.Kind) -> Void) {
        let capacity = utf16.count
        guard capacity > 0, let base = utf16.baseAddress else { return }
        if starts.count < capacity {
            starts = [Int32](repeating: 0, count: capacity)
            ends = [Int32](repeating: 0, count: capacity)
            kinds = [Int32](repeating: 0, count: capacity)
        }
        var status: Int32 = 0
        let count = Int(pc_word_breaker_words(handle, base, Int32(capacity), &starts, &ends, &kinds, Int32(capacity), &status))
        guard status <= 0 else { return }
        for index in 0..<min(count, capacity) {
            var start = Int(starts[index])
            let end = Int(ends[index])
            let kind = Word.Kind(bridgeKind: kinds[index])
            if splitsElisions, kind == .letters, let cut = elisionEnd(utf16, start, end) {
                start = cut
            }
            body(start..<end, kind)
        }
    }

    /// The words of `text` as strings.
    public func wordStrings(in text: String) -> [String] {
        words(in: text).map { String(text[$0.range]) }
    }

    /// When the word at `start..<end` begins with an elided French word and an
    /// apostrophe, the offset just after the apostrophe.
    private func elisionEnd(_ utf16: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Int? {
        var position = start
        let limit = min(end, start + 8)
        while position < limit {
            let unit = utf16[position]
            if unit == 0x27 || unit == 0x2019 || unit == 0x02BC {
                guard position > start, position + 1 < end else { return nil }
                let prefix = String(utf16Units: Array(utf16[start..<position])[...]).lowercased()
                return elided.contains(prefix) ? position + 1 : nil
            }
            position += 1
        }
        return nil
    }
}

extension Word.Kind {
    init(bridgeKind: Int32) {
        switch bridgeKind {
        case Int32(PC_WORD_NUMBER): self = .number
        case Int32(PC_WORD_KANA): self = .kana
        case Int32(PC_WORD_IDEO): self = .ideographs
        default: self = .letters
        }
    }
}

/// Turns increasing UTF-16 offsets into String indices in one forward walk.
struct IndexCursor {
    private let view: String.UTF16View
    private var index: String.Index
    private var offset = 0

    init(text: String) {
        view = text.utf16
        index = view.startIndex
    }

    mutating func index(atUTF16Offset target: Int) -> String.Index {
        if target < offset {
            index = view.startIndex
            offset = 0
        }
        index = view.index(index, offsetBy: target - offset)
        offset = target
        return index
    }
}
