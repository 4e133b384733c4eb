import XMLSupport

/// Inline content written as XLIFF, the part both versions share: text escaped, each code
/// written by the version's own function, and the source's term occurrences wrapped in a
/// term marker (where an occurrence lies inside one run of text).
struct XLIFFText {
    /// How a version writes a code: an opening, a closing and a placeholder.
    let open: (String, InlineCode) -> String
    let close: (String, InlineCode) -> String
    let placeholder: (String, InlineCode) -> String
    /// A term marker around `inner`, numbered from 1.
    let term: (_ number: Int, _ inner: String) -> String

    /// `tokens` as XLIFF; `terms`: ranges of the plain text (UTF-8 offsets) to mark, in order.
    /// Returns the text and the number of each range marked (nil: not marked).
    func write(_ tokens: [InlineToken], terms: [Range<Int>] = []) -> (xml: String, marked: [Int?]) {
        var writer = XMLWriter()
        var xml = ""
        var offset = 0
        var marked = [Int?](repeating: nil, count: terms.count)
        var openCodes: [String: InlineCode] = [:]
        for token in tokens {
            switch token {
            case let .text(text):
                let bytes = Array(text.utf8)
                let end = offset + bytes.count
                var position = offset
                for (index, range) in terms.enumerated() where range.lowerBound >= position && range.upperBound <= end && !range.isEmpty {
                    xml += writer.escape(text: String(decoding: bytes[(position - offset)..<(range.lowerBound - offset)], as: UTF8.self))
                    let number = (marked.compactMap { $0 }.max() ?? 0) + 1
                    marked[index] = number
                    xml += term(number, writer.escape(text: String(decoding: bytes[(range.lowerBound - offset)..<(range.upperBound - offset)], as: UTF8.self)))
                    position = range.upperBound
                }
                xml += writer.escape(text: String(decoding: bytes[(position - offset)...], as: UTF8.self))
                offset = end
            case let .open(id, code):
                openCodes[id] = code
                xml += open(id, code)
            case let .close(id):
                xml += close(id, openCodes[id] ?? .emphasis)
            case let .placeholder(id, code):
                xml += placeholder(id, code)
            }
        }
        return (xml, marked)
    }
}
