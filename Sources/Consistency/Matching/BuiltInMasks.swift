/// The built-in patterns of ``TextMasker``, found in one pass over a text's UTF-8 bytes:
/// each starts at an ASCII byte (`{ % $ < & @ : w` and the backtick) and ends at one, so a
/// masked range always covers whole characters.
enum BuiltInMasks {
    /// The bytes a pattern may start at (or, for URLs, pass through: `:` of `://`).
    static let triggers: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "{%$<&@:`w".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// The byte ranges of `bytes` to mask, in order (they may touch or overlap).
    static func spans(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var scanner = Scanner(bytes: bytes)
        var position = 0
        while position < bytes.count {
            guard triggers[Int(bytes[position])] else { position += 1; continue }
            position = scanner.scan(at: position)
        }
        return scanner.spans
    }

    /// MessageFormat arguments that were tried and are not well formed, by the offset of their
    /// `{`: shared by the scanner and its trial copies, so that an unclosed argument is tried
    /// once, not once per enclosing argument (which took exponential time).
    private final class Failures {
        var starts: Set<Int> = []
        /// Bytes the MessageFormat parser may still read for this text: a few passes over it.
        /// Unclosed arguments inside each other would otherwise be re-read once per level
        /// (quadratic); past the budget, braces are left as text.
        var budget: Int
        init(budget: Int) { self.budget = budget }
    }

    /// How deeply MessageFormat arguments may nest before the text is taken as not one.
    static let maximumNesting = 32

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var spans: [Range<Int>] = []
        private let failures: Failures
        /// The MessageFormat arguments open around the current position.
        private var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            failures = Failures(budget: 8 * bytes.count + 1024)
        }

        subscript(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

        /// Tries the patterns that start with the byte at `start`; returns where to go on.
        mutating func scan(at start: Int) -> Int {
            let end: Int? = switch self[start] {
            case UInt8(ascii: "{"): brace(start)
            case UInt8(ascii: "%"): printf(start)
            case UInt8(ascii: "$"): dollar(start)
            case UInt8(ascii: "<"): tag(start)
            case UInt8(ascii: "&"): reference(start)
            case UInt8(ascii: "@"): email(start)
            case UInt8(ascii: ":"): url(colon: start)
            case UInt8(ascii: "w"): www(start)
            case UInt8(ascii: "`"): code(start)
            default: nil
            }
            guard let end else { return start + 1 }
            return end
        }

        // MARK: character classes

        static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        static func isIdentifier(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == 0x5F }
        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        func skipSpaces(_ index: Int) -> Int {
            var index = index
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            return index
        }

        /// The end of an identifier starting at `index` (`index` itself when there is none);
        /// dots and hyphens inside are allowed (`{user.name}`, `{{ max-size }}`).
        func identifierEnd(_ index: Int, dots: Bool = false) -> Int {
            var index = index
            while index < bytes.count, Self.isIdentifier(bytes[index]) || (dots && (bytes[index] == 0x2E || bytes[index] == 0x2D)) { index += 1 }
            return index
        }

        /// The first `needle` (ASCII) at or after `from`, within `limit` bytes; no allocation.
        func find(_ needle: StaticString, from: Int, limit: Int = 2000) -> Int? {
            let end = min(bytes.count, from + limit) - needle.utf8CodeUnitCount
            var index = from
            while index <= end {
                if isAt(needle, index) { return index }
                index += 1
            }
            return nil
        }

        /// True when `needle` (ASCII) is written at `index`.
        func isAt(_ needle: StaticString, _ index: Int) -> Bool {
            let count = needle.utf8CodeUnitCount, pattern = needle.utf8Start
            guard index >= 0, index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
            return true
        }

        mutating func mark(_ range: Range<Int>) -> Int {
            spans.append(range)
            return range.upperBound
        }

        // MARK: patterns

        /// `{{ x }}`, `{0}`, `{name}`, and ICU MessageFormat arguments.
        mutating func brace(_ start: Int) -> Int? {
            if self[start + 1] == UInt8(ascii: "{") {
                guard let close = find("}}", from: start + 2, limit: 200) else { return nil }
                return mark(start..<(close + 2))
            }
            let nameStart = skipSpaces(start + 1)
            let nameEnd = identifierEnd(nameStart, dots: true)
            guard nameEnd > nameStart else { return nil }
            let after = skipSpaces(nameEnd)
            if self[after] == UInt8(ascii: "}") { return mark(start..<(after + 1)) }
            guard self[after] == UInt8(ascii: ","), depth < BuiltInMasks.maximumNesting, !failures.starts.contains(start) else { return nil }
            // Tried in place: on failure, the spans marked meanwhile are taken back.
            let marked = spans.count
            depth += 1
            let end = messageArgument(start, typeAt: skipSpaces(after + 1))
            depth -= 1
            guard let end else {
                spans.removeSubrange(marked...)
                failures.starts.insert(start)
                return nil
            }
            return end
        }

        /// An ICU MessageFormat argument from its `{`: `{n, number}` is masked whole; the
        /// cases of `plural`, `select` and `selectordinal` keep their texts (with `#` masked).
        mutating func messageArgument(_ start: Int, typeAt typeStart: Int) -> Int? {
            let typeEnd = identifierEnd(typeStart)
            let type = String(decoding: UnsafeBufferPointer(rebasing: bytes[typeStart..<typeEnd]), as: UTF8.self)
            guard ["plural", "select", "selectordinal"].contains(type) else {
                guard ["number", "date", "time", "choice", "spellout", "ordinal", "duration"].contains(type),
                      let close = find("}", from: typeEnd, limit: 200) else { return nil }
                return mark(start..<(close + 1))
            }
            var index = skipSpaces(typeEnd)
            guard self[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpaces(index + 1)
            // plural's "offset:1"
            if isAt("offset:", index) {
                index = skipSpaces(identifierEnd(index + 7))
            }
            _ = mark(start..<index)
            while true {
                index = skipSpaces(index)
                if self[index] == UInt8(ascii: "}") { return mark(index..<(index + 1)) }
                // A case: "one", "other", "=0" ... then its message in braces.
                let selectorStart = index
                if self[index] == UInt8(ascii: "=") { index += 1 }
                index = identifierEnd(index)
                guard index > selectorStart else { return nil }
                index = skipSpaces(index)
                guard self[index] == UInt8(ascii: "{") else { return nil }
                _ = mark(selectorStart..<(index + 1))
                index += 1
                // The case's message: text, `#`, nested arguments, up to its closing brace.
                while index < bytes.count, self[index] != UInt8(ascii: "}") {
                    failures.budget -= 1
                    if failures.budget < 0 { return nil }
                    switch self[index] {
                    case UInt8(ascii: "#"): index = mark(index..<(index + 1))
                    case UInt8(ascii: "{"): index = brace(index) ?? (index + 1)
                    default: index = triggers[Int(self[index])] ? scan(at: index) : index + 1
                    }
                }
                guard index < bytes.count else { return nil }
                index = mark(index..<(index + 1))
            }
        }

        /// printf and friends: `%s`, `%1$s`, `%-5.2f`, `%(name)s`, `%{name}`, `%%`, and
        /// Symfony's `%count%`. A `%` after a number or before a space is prose ("50 %").
        mutating func printf(_ start: Int) -> Int? {
            var index = start + 1
            switch self[index] {
            case UInt8(ascii: "%"): return mark(start..<(index + 1))
            case UInt8(ascii: "("):
                let nameEnd = identifierEnd(index + 1)
                guard nameEnd > index + 1, self[nameEnd] == UInt8(ascii: ")") else { return nil }
                index = nameEnd + 1
            case UInt8(ascii: "{"):
                let nameEnd = identifierEnd(index + 1)
                guard nameEnd > index + 1, self[nameEnd] == UInt8(ascii: "}") else { return nil }
                return mark(start..<(nameEnd + 1))
            default:
                // %count%
                let nameEnd = identifierEnd(index, dots: true)
                if nameEnd > index, Self.isLetter(self[index]), self[nameEnd] == UInt8(ascii: "%") { return mark(start..<(nameEnd + 1)) }
                // %1$s
                var digits = index
                while Self.isDigit(self[digits]) { digits += 1 }
                if digits > index, self[digits] == UInt8(ascii: "$") { index = digits + 1 }
            }
            while "-+#0".utf8.contains(self[index]) { index += 1 }
            while Self.isDigit(self[index]) || self[index] == UInt8(ascii: ".") || self[index] == UInt8(ascii: "*") { index += 1 }
            while "hlLqjzt".utf8.contains(self[index]) { index += 1 }
            guard "sdiufFeEgGxXocpaA@".utf8.contains(self[index]) else { return nil }
            // "%sales" is not a placeholder followed by "ales" in prose, but "%s" glued to a
            // word is rare in either case: mask the conversion only.
            return mark(start..<(index + 1))
        }

        /// `$var`, `${x}`; not "$5".
        mutating func dollar(_ start: Int) -> Int? {
            if self[start + 1] == UInt8(ascii: "{") {
                guard let close = find("}", from: start + 2, limit: 100) else { return nil }
                return mark(start..<(close + 1))
            }
            guard Self.isLetter(self[start + 1]) || self[start + 1] == 0x5F else { return nil }
            return mark(start..<identifierEnd(start + 1))
        }

        /// `<b>`, `</a>`, `<br/>`, `<a href="...">`, `<!-- ... -->`, `<?pi ...?>`.
        mutating func tag(_ start: Int) -> Int? {
            let next = self[start + 1]
            if next == UInt8(ascii: "!"), isAt("<!--", start) {
                guard let close = find("-->", from: start + 4) else { return nil }
                return mark(start..<(close + 3))
            }
            guard Self.isLetter(next) || next == UInt8(ascii: "?") || (next == UInt8(ascii: "/") && Self.isLetter(self[start + 2])) else { return nil }
            var index = start + 1
            var quote: UInt8 = 0
            while index < min(bytes.count, start + 2000) {
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x22 || byte == 0x27 {
                    // Quotes only count inside the attributes, after the name.
                    if index > start + 1, Self.isSpace(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "=") { quote = byte }
                } else if byte == UInt8(ascii: ">") {
                    return mark(start..<(index + 1))
                } else if byte == UInt8(ascii: "<") {
                    return nil
                }
                index += 1
            }
            return nil
        }

        /// Escaped tags (`&lt;b&gt;`, `&lt;/a&gt;`) and character references (`&amp;`, `&#160;`).
        mutating func reference(_ start: Int) -> Int? {
            if isAt("&lt;", start) {
                let next = self[start + 4] == UInt8(ascii: "/") ? self[start + 5] : self[start + 4]
                if Self.isLetter(next), let close = find("&gt;", from: start + 4, limit: 2000) {
                    return mark(start..<(close + 4))
                }
            }
            var index = start + 1
            if self[index] == UInt8(ascii: "#") {
                index += 1
                if self[index] | 0x20 == UInt8(ascii: "x") { index += 1 }
                let digitsStart = index
                while Self.isIdentifier(self[index]) { index += 1 }
                guard index > digitsStart else { return nil }
            } else {
                let nameEnd = identifierEnd(index)
                guard nameEnd > index, nameEnd - index <= 32 else { return nil }
                index = nameEnd
            }
            guard self[index] == UInt8(ascii: ";") else { return nil }
            return mark(start..<(index + 1))
        }

        static func isEmailLocal(_ byte: UInt8) -> Bool { isIdentifier(byte) || "._%+-".utf8.contains(byte) }

        /// `name@example.org`: the part before the `@` was scanned already and is masked too.
        mutating func email(_ at: Int) -> Int? {
            var first = at
            while first > 0, Self.isEmailLocal(bytes[first - 1]) { first -= 1 }
            guard first < at else { return nil }
            var index = at + 1
            var lastDot = -1
            while index < bytes.count, Self.isIdentifier(bytes[index]) || bytes[index] == 0x2D || bytes[index] == 0x2E {
                if bytes[index] == 0x2E { lastDot = index }
                index += 1
            }
            // A trailing dot ends the sentence.
            while index > at + 1, bytes[index - 1] == 0x2E { index -= 1 }
            guard lastDot > at + 1, lastDot < index - 1 else { return nil }
            return mark(first..<index)
        }

        /// The end of a URL that goes on at `index`: up to a space or a delimiter, without
        /// the punctuation that ends the sentence.
        func urlEnd(_ index: Int) -> Int {
            var end = index
            while end < bytes.count, !Self.isSpace(bytes[end]), !"\"'<>`".utf8.contains(bytes[end]) { end += 1 }
            while end > index, ".,;:!?)]}".utf8.contains(bytes[end - 1]) { end -= 1 }
            return end
        }

        /// `scheme://...`: the scheme was scanned already and is masked too.
        mutating func url(colon: Int) -> Int? {
            guard self[colon + 1] == UInt8(ascii: "/"), self[colon + 2] == UInt8(ascii: "/") else { return nil }
            var first = colon
            while first > 0, Self.isLetter(bytes[first - 1]) || "+.-".utf8.contains(bytes[first - 1]) || Self.isDigit(bytes[first - 1]) { first -= 1 }
            guard first < colon, Self.isLetter(bytes[first]) else { return nil }
            let end = urlEnd(colon + 3)
            guard end > colon + 3 else { return nil }
            return mark(first..<end)
        }

        /// `www.example.org/...` at the start of a word.
        mutating func www(_ start: Int) -> Int? {
            guard isAt("www.", start), start == 0 || !Self.isIdentifier(bytes[start - 1]),
                  Self.isIdentifier(self[start + 4]) else { return nil }
            return mark(start..<urlEnd(start + 4))
        }

        /// `` `code` `` on one line.
        mutating func code(_ start: Int) -> Int? {
            var index = start + 1
            while index < min(bytes.count, start + 200), bytes[index] != 0x0A {
                if bytes[index] == UInt8(ascii: "`") { return index > start + 1 ? mark(start..<(index + 1)) : nil }
                index += 1
            }
            return nil
        }
    }
}
