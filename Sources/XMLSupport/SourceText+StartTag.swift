extension SourceText {
    /// A start tag as written in the source: its name and attributes with their byte ranges.
    public struct StartTag: Sendable {
        /// One attribute as written (its value unescaped only of nothing: as in the file).
        public struct Attribute: Sendable {
            public var name: String
            public var value: String
            /// Where the attribute's name starts.
            public var nameStart: Int
            /// The bytes between the quotes.
            public var valueRange: Range<Int>
        }

        /// The qualified name (`text`, `xi:include`).
        public var name: String
        public var attributes: [Attribute]
        /// From `<` to `>` included.
        public var range: Range<Int>
        /// Where a new attribute goes: right after the last attribute (or the name), so a
        /// tag's own layout (line breaks before `>`) stays as it is.
        public var insertionPoint: Int

        /// The attribute written `name`.
        public func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
    }

    /// The start tag whose `<` is at `offset`, nil when there is none there.
    public func startTag(at offset: Int) -> StartTag? {
        let bytes = text
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameEnd(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "<") else { return nil }
        var index = offset + 1
        func readName() -> String? {
            let start = index
            while index < bytes.count, !isNameEnd(bytes[index]) { index += 1 }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }
        func skipSpaces() { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }
        guard let name = readName(), !name.hasPrefix("/"), !name.hasPrefix("!"), !name.hasPrefix("?") else { return nil }
        var tag = StartTag(name: name, attributes: [], range: offset..<offset, insertionPoint: index)
        while true {
            skipSpaces()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") {
                tag.range = offset..<(index + 1)
                return tag
            }
            if bytes[index] == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { return nil }
                tag.range = offset..<(index + 2)
                return tag
            }
            let nameStart = index
            guard let attributeName = readName() else { return nil }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[index]
            let valueStart = index + 1
            guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else { return nil }
            tag.attributes.append(StartTag.Attribute(
                name: attributeName, value: String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self), nameStart: nameStart,
                valueRange: valueStart..<valueEnd))
            index = valueEnd + 1
            tag.insertionPoint = index
        }
    }
}
