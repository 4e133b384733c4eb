import CLibXML2
import Foundation

extension XMLTree {
    /// Where the start tag `<tag` is: on `line` (the `occurrence`-th one), or, for a start
    /// tag written over several lines (libxml2 then reports the line where it ends), the
    /// last one on the lines just before. Column 0 when it cannot be found.
    static func sourcePosition(lines: SourceLines, file: String, line: Int, tag: String, occurrence: Int) -> (line: Int, column: Int) {
        func starts(in text: Substring) -> [String.Index] {
            var candidates: [String.Index] = []
            var searchStart = text.startIndex
            while let range = text.range(of: "<" + tag, range: searchStart..<text.endIndex) {
                let after = range.upperBound
                if after == text.endIndex || " \t\r\n/>".contains(text[after]) { candidates.append(range.lowerBound) }
                searchStart = after
            }
            return candidates
        }
        guard line > 0, let text = lines.line(line, of: file) else { return (line, 0) }
        let candidates = starts(in: text)
        if !candidates.isEmpty {
            let chosen = candidates[min(occurrence, candidates.count - 1)]
            return (line, text.distance(from: text.startIndex, to: chosen) + 1)
        }
        for earlier in stride(from: line - 1, through: max(1, line - 30), by: -1) {
            guard let previous = lines.line(earlier, of: file) else { break }
            if let last = starts(in: previous).last { return (earlier, previous.distance(from: previous.startIndex, to: last) + 1) }
        }
        return (line, 0)
    }

    /// How many elements with the same name start earlier on the same line, in
    /// document order (walking back through previous siblings, their descendants and
    /// ancestors).
    static func sameLineIndex(of node: xmlNodePtr) -> Int {
        let line = xmlGetLineNo(node)
        let name = node.pointee.name
        var count = 0
        var current = previousInDocumentOrder(node)
        while let candidate = current {
            if candidate.pointee.type == XML_ELEMENT_NODE {
                let candidateLine = xmlGetLineNo(candidate)
                if candidateLine < line { break }
                if candidateLine == line, xmlStrEqual(candidate.pointee.name, name) != 0 { count += 1 }
            }
            current = previousInDocumentOrder(candidate)
        }
        return count
    }

    private static func previousInDocumentOrder(_ node: xmlNodePtr) -> xmlNodePtr? {
        if var previous = node.pointee.prev {
            while let last = previous.pointee.last, previous.pointee.type == XML_ELEMENT_NODE { previous = last }
            return previous
        }
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return parent
    }
}

/// The lines of source files, read again on demand to give diagnostics a column.
final class SourceLines: @unchecked Sendable {
    private var files: [String: [Substring]] = [:]
    private let lock = NSLock()

    /// Line `number` (1-based) of `file`, or nil when the file cannot be read.
    func line(_ number: Int, of file: String) -> Substring? {
        lock.lock()
        defer { lock.unlock() }
        if files[file] == nil {
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            // "\r\n" is one Character in Swift: split on every kind of line end, as libxml2 counts them.
            files[file] = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        }
        guard let lines = files[file], number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
