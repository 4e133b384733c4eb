extension SourceText {
    /// The bytes between the start tag `tag` and its end tag (empty at the tag's end for an
    /// empty element `<x/>`), and where the end tag ends; nil when no end tag is found.
    /// Comments and CDATA sections are skipped, elements of the same name nested inside
    /// are counted.
    public func content(of tag: StartTag) -> (range: Range<Int>, end: Int)? {
        let bytes = text
        if tag.range.upperBound >= 2, bytes[tag.range.upperBound - 2] == UInt8(ascii: "/") {
            return (tag.range.upperBound..<tag.range.upperBound, tag.range.upperBound)
        }
        let name = Array(tag.name.utf8)
        func matches(_ literal: [UInt8], at index: Int) -> Bool {
            index + literal.count <= bytes.count && Array(bytes[index..<(index + literal.count)]) == literal
        }
        func nameEnds(at index: Int) -> Bool {
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            return byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        var depth = 0
        var index = tag.range.upperBound
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(Array("<!--".utf8), at: index) {
                guard let close = find(Array("-->".utf8), from: index + 4) else { return nil }
                index = close + 3
            } else if matches(Array("<![CDATA[".utf8), at: index) {
                guard let close = find(Array("]]>".utf8), from: index + 9) else { return nil }
                index = close + 3
            } else if matches([UInt8(ascii: "<"), UInt8(ascii: "/")] + name, at: index), nameEnds(at: index + 2 + name.count) {
                guard let close = bytes[(index + 2 + name.count)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                if depth == 0 { return (tag.range.upperBound..<index, close + 1) }
                depth -= 1
                index = close + 1
            } else if matches([UInt8(ascii: "<")] + name, at: index), nameEnds(at: index + 1 + name.count), let inner = startTag(at: index) {
                if bytes[inner.range.upperBound - 2] != UInt8(ascii: "/") { depth += 1 }
                index = inner.range.upperBound
            } else {
                index += 1
            }
        }
        return nil
    }

    private func find(_ literal: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + literal.count <= text.count {
            if text[index] == literal[0], Array(text[index..<(index + literal.count)]) == literal { return index }
            index += 1
        }
        return nil
    }

    /// The line break the file uses at `offset`'s line ("\r\n" or "\n").
    public func lineBreak(near offset: Int) -> String {
        let line = position(of: offset).line
        guard line < lineStarts.count - 1 else { return "\n" }
        let end = lineStarts[line] - 1
        return end > 0 && text[end] == 0x0A && text[end - 1] == 0x0D ? "\r\n" : "\n"
    }

    /// The white space before `offset` on its line when nothing else is there, else nil.
    public func indentation(before offset: Int) -> String? {
        let line = position(of: offset).line
        let start = lineStarts[line - 1]
        let prefix = text[start..<offset]
        guard prefix.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return String(decoding: prefix, as: UTF8.self)
    }
}
