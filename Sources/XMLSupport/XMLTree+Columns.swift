import CLibXML2
import Foundation

extension XMLTree {
    /// The 1-based column of the `occurrence`-th (0-based) start tag `<tag` on `line`
    /// of `file`, or 0.
    func sourceColumn(file: String, line: Int, tag: String, occurrence: Int) -> Int {
        Self.sourceColumn(lines: sourceLines, file: file, line: line, tag: tag, occurrence: occurrence)
    }

    static func sourceColumn(lines: SourceLines, file: String, line: Int, tag: String, occurrence: Int) -> Int {
        guard line > 0, let text = lines.line(line, of: file) else { return 0 }
        var candidates: [String.Index] = []
        var searchStart = text.startIndex
        while let range = text.range(of: "<" + tag, range: searchStart..<text.endIndex) {
            let after = range.upperBound
            if after == text.endIndex || " \t/>".contains(text[after]) { candidates.append(range.lowerBound) }
            searchStart = after
        }
        guard !candidates.isEmpty else { return 0 }
        let chosen = candidates[min(occurrence, candidates.count - 1)]
        return text.distance(from: text.startIndex, to: chosen) + 1
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
            files[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = files[file], number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
