import Base
import Foundation

/// Refuses, before libxml2 parses them, start tags with more attributes than any real file
/// has: libxml2 checks each attribute against the ones before it, so 100,000 attributes on
/// one element cost ~10 s. One pass over the bytes; quoted values, comments, CDATA and
/// processing instructions are skipped.
enum XMLShapeGuard {
    static let maxAttributes = 1_000

    static func problem(in data: Data, file: String) -> Diagnostic? {
        data.withUnsafeBytes { raw -> Diagnostic? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0, line = 1, lineStart = 0
            let count = bytes.count
            func skip(past terminator: [UInt8]) {
                while index < count {
                    if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
                    if bytes[index] == terminator[0], index + terminator.count <= count,
                       (0..<terminator.count).allSatisfy({ bytes[index + $0] == terminator[$0] }) {
                        index += terminator.count
                        return
                    }
                    index += 1
                }
            }
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A { line += 1; lineStart = index + 1 }
                guard byte == UInt8(ascii: "<"), index + 1 < count else { index += 1; continue }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    let isComment = index + 3 < count && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-")
                    let isCDATA = index + 8 < count && bytes[index + 2] == UInt8(ascii: "[")
                    index += 2
                    skip(past: isComment ? Array("-->".utf8) : isCDATA ? Array("]]>".utf8) : next == UInt8(ascii: "?") ? Array("?>".utf8) : [UInt8(ascii: ">")])
                    continue
                }
                // A start or end tag: count the = outside quoted values.
                let tagLine = line, tagColumn = index - lineStart + 1
                var attributes = 0
                var quote: UInt8 = 0
                index += 1
                while index < count {
                    let current = bytes[index]
                    if current == 0x0A { line += 1; lineStart = index + 1 }
                    if quote != 0 {
                        if current == quote { quote = 0 }
                    } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                        quote = current
                    } else if current == UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > maxAttributes {
                            return Diagnostic(file: file, line: tagLine, column: tagColumn,
                                              message: "this element has more than \(maxAttributes) attributes, more than any real file has; the file is refused")
                        }
                    } else if current == UInt8(ascii: ">") {
                        break
                    }
                    index += 1
                }
                index += 1
            }
            return nil
        }
    }
}
