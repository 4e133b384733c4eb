import CLibXML2
import Foundation

extension XMLTree {
    /// Where the start tag `<tag` is: on `line` (the `occurrence`-th one), or, for a start
    /// tag written over several lines (libxml2 then reports the line where it ends), the
    /// last one on the lines just before. Column 0 when it cannot be found.
    static func sourcePosition(lines: SourceLines, file: String, line: Int, tag: String, occurrence: Int) -> (line: Int, column: Int) {
        guard line > 0, let column = lines.tagColumn(line, tag: tag, occurrence: occurrence, of: file) else { return (line, 0) }
        if column > 0 { return (line, column) }
        for earlier in stride(from: line - 1, through: max(1, line - 30), by: -1) {
            // The last start tag on that line.
            guard let last = lines.tagColumn(earlier, tag: tag, occurrence: .max, of: file) else { break }
            if last > 0 { return (earlier, last) }
        }
        return (line, 0)
    }

    /// How many elements with the same name start earlier on the same line, in document
    /// order, from the tree's table (made in one pass over the document, again when the
    /// tree has changed since).
    func sameLineIndex(of node: xmlNodePtr) -> Int {
        sameLineIndices.index(of: node) {
            var table: [xmlNodePtr: Int] = [:]
            guard let root = streamedPart?.root ?? xmlDocGetRootElement(document) else { return table }
            var currentLine = streamedPart?.line ?? -1
            var counts = streamedPart?.counts ?? [:]
            Self.forEachElement(from: root) { element in
                let line = Self.lineNumber(of: element)
                if line != currentLine {
                    currentLine = line
                    counts.removeAll(keepingCapacity: true)
                }
                let name = Self.qualifiedName(of: element)
                table[element] = counts[name, default: 0]
                counts[name, default: 0] += 1
            }
            return table
        } ?? Self.sameLineIndexWalkingBack(of: node)
    }

    /// `root` and the elements inside it, in document order.
    static func forEachElement(from root: xmlNodePtr, _ body: (xmlNodePtr) -> Void) {
        var stack = [root]
        while let element = stack.popLast() {
            body(element)
            var children: [xmlNodePtr] = []
            var child = element.pointee.children
            while let next = child {
                if next.pointee.type == XML_ELEMENT_NODE { children.append(next) }
                child = next.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    /// The element's name as written: `prefix:name`, or `name`.
    static func qualifiedName(of element: xmlNodePtr) -> String {
        let name = element.pointee.name.map { String(cString: $0) } ?? ""
        guard let prefix = element.pointee.ns?.pointee.prefix else { return name }
        return String(cString: prefix) + ":" + name
    }

    /// The same, by walking back through previous siblings, their descendants and ancestors.
    static func sameLineIndexWalkingBack(of node: xmlNodePtr) -> Int {
        let line = lineNumber(of: node)
        let name = qualifiedName(of: node)
        var count = 0
        var current = previousInDocumentOrder(node)
        while let candidate = current {
            if candidate.pointee.type == XML_ELEMENT_NODE {
                let candidateLine = lineNumber(of: candidate)
                if candidateLine < line { break }
                if candidateLine == line, qualifiedName(of: candidate) == name { count += 1 }
            }
            current = previousInDocumentOrder(candidate)
        }
        return count
    }

    static func previousInDocumentOrder(_ node: xmlNodePtr) -> xmlNodePtr? {
        if var previous = node.pointee.prev {
            while let last = previous.pointee.last, previous.pointee.type == XML_ELEMENT_NODE { previous = last }
            return previous
        }
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return parent
    }
}

/// The table of ``XMLTree/sameLineIndex(of:)``, made on first use; an element missing from
/// it (the tree changed: XInclude spliced content in) makes it again.
final class SameLineIndices: @unchecked Sendable {
    private var table: [xmlNodePtr: Int]?
    private let lock = NSLock()

    func index(of node: xmlNodePtr, make: () -> [xmlNodePtr: Int]) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if let index = table?[node] { return index }
        table = make()
        return table?[node]
    }
}

/// The lines of source files, read again on demand to give diagnostics a column.
///
/// A file is read once, decoded, with the offset of each line (``SourceText``); the columns of the start tags of one name on one line
/// are found once and kept, so a file written on one line costs one pass per tag name, not
/// one per element.
final class SourceLines: @unchecked Sendable {
    private typealias Source = SourceText

    private var files: [String: Source] = [:]
    /// The file asked for last, and the columns found on its line asked for last, by tag:
    /// elements come in line order, so most questions are about that line.
    private var last: (file: String, source: Source)?
    private var lastLine: (file: String, line: Int, columns: [String: [Int]])?
    private let lock = NSLock()

    /// Windows on the large files asked for (``SourceWindow``); nil for a file read whole.
    private var windows: [String: SourceWindow?] = [:]
    /// Files from this size are read through a window.
    private let windowThreshold: Int
    private let windowBytes: Int

    init(windowThreshold: Int = SourceWindow.threshold, windowBytes: Int = SourceWindow.windowBytes) {
        self.windowThreshold = windowThreshold
        self.windowBytes = windowBytes
    }

    /// The text holding line `number` of `file`, and how many lines of the file come before
    /// it: the whole file, or for a large one, a window around the line.
    private func source(_ file: String, holding number: Int) -> (source: Source, linesBefore: Int)? {
        if windows[file] == nil { windows[file] = .some(SourceWindow(path: file, threshold: windowThreshold, windowBytes: windowBytes)) }
        if let window = windows[file] ?? nil { return window.text(holding: number).map { ($0.text, $0.linesBefore) } }
        return source(file).map { ($0, 0) }
    }

    private func source(_ file: String) -> Source? {
        if let last, last.file == file { return last.source }
        if let known = files[file] { last = (file, known); return known }
        // Decoded from the file's encoding: columns count characters, as libxml2 read them.
        guard let data = FileManager.default.contents(atPath: file),
              let made = try? SourceText(bytes: [UInt8](data), path: file) else { return nil }
        files[file] = made
        last = (file, made)
        return made
    }
    /// The column of the `occurrence`-th `<tag` on line `number` (the last one when there
    /// are fewer), 0 when there is none, nil when the line does not exist. Short lines are
    /// scanned without keeping anything; long ones (a file on one line) through the cache.
    func tagColumn(_ line: Int, tag: String, occurrence: Int, of file: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let (source, before) = source(file, holding: line) else { return nil }
        let number = line - before
        guard number >= 1, number < source.lineStarts.count else { return nil }
        if source.lineStarts[number] - source.lineStarts[number - 1] > 4096 {
            guard let found = columns(line, in: source, number, tag: tag, of: file) else { return nil }
            return found.isEmpty ? 0 : found[min(occurrence, found.count - 1)]
        }
        var lastColumn = 0, seen = 0
        scan(source, number, tag: tag) { column in
            lastColumn = column
            seen += 1
            return seen <= occurrence
        }
        return lastColumn
    }

    /// Where attribute `name` is written, in the start tag at `line`:`column`.
    func attributePosition(_ name: String, line: Int, column: Int, of file: String) -> (line: Int, column: Int)? {
        lock.lock()
        defer { lock.unlock() }
        guard let (source, before) = source(file, holding: line), let offset = source.offset(line: line - before, column: column),
              let tag = source.startTag(at: offset), let attribute = tag.attribute(name) else { return nil }
        let position = source.position(of: attribute.nameStart)
        return (position.line + before, position.column)
    }

    /// Calls `found` with the column of each `<tag` on the line, in order, while it returns true.
    private func scan(_ source: Source, _ number: Int, tag: String, _ found: (Int) -> Bool) {
        let bytes = source.text, lineEnd = source.lineStarts[number]
        var tagBytes = tag
        tagBytes.withUTF8 { pattern in
            var column = 1
            var index = source.lineStarts[number - 1]
            while index < lineEnd {
                if bytes[index] == 0x3C, index + pattern.count < lineEnd,
                   (0..<pattern.count).allSatisfy({ bytes[index + 1 + $0] == pattern[$0] }) {
                    let after = index + 1 + pattern.count
                    if after == bytes.count || [0x20, 0x09, 0x0D, 0x0A, 0x2F, 0x3E].contains(bytes[after]) {
                        if !found(column) { return }
                    }
                }
                // A character starts at every byte that is not a UTF-8 continuation byte.
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
    }

    /// The columns of every `<tag` on line `line` of the file (line `number` of `source`).
    private func columns(_ line: Int, in source: Source, _ number: Int, tag: String, of file: String) -> [Int]? {
        if let lastLine, lastLine.line == line, lastLine.file == file, let known = lastLine.columns[tag] { return known }
        var found: [Int] = []
        scan(source, number, tag: tag) { found.append($0); return true }
        if lastLine?.line == line && lastLine?.file == file {
            lastLine?.columns[tag] = found
        } else {
            lastLine = (file, line, [tag: found])
        }
        return found
    }
}
