import Foundation

extension XMLTree {
    /// The 1-based column of the start tag `<tag` on `line` of `file`, or 0.
    ///
    /// When the line holds several such tags, the one whose text contains the
    /// element's first attribute value is chosen.
    func sourceColumn(file: String, line: Int, tag: String, firstAttribute: String?) -> Int {
        guard line > 0, let text = sourceLines.line(line, of: file) else { return 0 }
        var candidates: [String.Index] = []
        var searchStart = text.startIndex
        while let range = text.range(of: "<" + tag, range: searchStart..<text.endIndex) {
            let after = range.upperBound
            if after == text.endIndex || " \t/>".contains(text[after]) { candidates.append(range.lowerBound) }
            searchStart = after
        }
        guard var chosen = candidates.first else { return 0 }
        if candidates.count > 1, let value = firstAttribute, !value.isEmpty {
            for start in candidates {
                let end = text[start...].firstIndex(of: ">") ?? text.endIndex
                if text[start..<end].contains(value) { chosen = start; break }
            }
        }
        return text.distance(from: text.startIndex, to: chosen) + 1
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
