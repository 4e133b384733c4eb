import Base
import Foundation

/// The text of a source file as libxml2 read it: decoded to UTF-8 from the file's own
/// encoding, with the offset of every line (as libxml2 counts them).
///
/// It locates what libxml2 reports by line and column, and it edits a file in place:
/// edits are byte ranges of the decoded text, and ``write()`` puts the file back in its
/// encoding, byte order mark and line endings, every byte outside the edits unchanged.
///
/// ```swift
/// var source = try SourceText(file: "content/charter.xml")
/// if let offset = source.offset(line: 12, column: 5), let tag = source.startTag(at: offset) {
///     source.replace(tag.insertionPoint..<tag.insertionPoint, with: " from=\"1a2b3c4d\"")
/// }
/// try source.write()
/// ```
public struct SourceText: Sendable {
    /// The file (symbolic links resolved: edits go to the file they point to).
    public let path: String
    /// The file's bytes as read.
    public let original: [UInt8]
    public let encoding: SourceEncoding
    /// The text, UTF-8, without the byte order mark.
    public let text: [UInt8]
    /// Byte offset in `text` of each line's start, then of the end.
    let lineStarts: [Int]
    private var edits: [(range: Range<Int>, replacement: [UInt8])] = []

    /// Reads and decodes a file.
    public init(file: String) throws(XMLSupportError) {
        let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw .unreadable(path: file, reason: FileManager.default.fileExists(atPath: file) ? "permission denied or not a file" : "no such file")
        }
        try self.init(bytes: [UInt8](data), path: resolved)
    }

    /// Reads `file` to edit it, when it still holds the bytes a document was loaded from
    /// (their ``fingerprint(of:)``; nil: no check). Throws
    /// ``FileError/changedSinceRead(path:)`` inside ``XMLSupportError/file(_:)`` otherwise.
    public init(file: String, unchangedSince fingerprint: UInt64?) throws(XMLSupportError) {
        try self.init(file: file)
        if let fingerprint, fingerprint != Self.fingerprint(of: original) { throw .file(.changedSinceRead(path: file)) }
    }

    /// Decodes bytes read from `path`.
    public init(bytes: [UInt8], path: String) throws(XMLSupportError) {
        self.path = path
        original = bytes
        encoding = SourceEncoding.detect(bytes)
        do {
            text = try encoding.decode(bytes)
        } catch {
            throw .unreadable(path: path, reason: "cannot read it as \(encoding.name): \(error)")
        }
        lineStarts = SourceText.lineStarts(of: text)
    }

    /// The offsets where lines start, then the end. Lines end at `\n` (`\r\n` included),
    /// as libxml2 counts them: it reports every element of a file whose lines end at a
    /// lone `\r` (old Mac files) on line 1.
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == 0x0A { starts.append(index + 1) }
        }
        starts.append(bytes.count)
        return starts
    }

    /// A fingerprint of a file's bytes (64-bit FNV-1a): equal bytes, equal fingerprints;
    /// different ones differ but for a one in 2^64 chance.
    public static func fingerprint(of bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count - 1 }

    /// The byte range of line `number` (1-based), line break excluded; nil past the end.
    public func lineRange(_ number: Int) -> Range<Int>? {
        guard number >= 1, number < lineStarts.count else { return nil }
        var end = lineStarts[number]
        while end > lineStarts[number - 1], text[end - 1] == 0x0A || text[end - 1] == 0x0D { end -= 1 }
        return lineStarts[number - 1]..<end
    }

    /// The byte offset of a 1-based line and column (columns count characters).
    public func offset(line: Int, column: Int) -> Int? {
        guard let range = lineRange(line), column >= 1 else { return nil }
        var remaining = column - 1
        var index = range.lowerBound
        while remaining > 0 {
            guard index < range.upperBound else { return nil }
            index += 1
            // A character starts at every byte that is not a UTF-8 continuation byte.
            while index < range.upperBound, text[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The 1-based line and column of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        // The last line start at or before the offset.
        var low = 0, high = lineStarts.count - 2
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = text[lineStarts[low]..<min(offset, text.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (low + 1, column)
    }

    /// Replaces the bytes of `range` (offsets in the text as read) by `replacement`
    /// when the file is written. Edits must not overlap.
    public mutating func replace(_ range: Range<Int>, with replacement: String) {
        edits.append((range, Array(replacement.utf8)))
    }

    /// Whether any edit is waiting to be written.
    public var hasEdits: Bool { !edits.isEmpty }

    /// The text with the edits applied.
    public var editedText: [UInt8] {
        var result = text
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.replacement)
        }
        return result
    }

    /// Writes the edited text back, in the file's encoding, atomically, and only if the
    /// file still holds the bytes that were read (another program, or another run, may
    /// have changed it meanwhile: ``FileError/changedSinceRead(path:)``).
    ///
    /// A file whose text would not convert back to the very same bytes (a converter that
    /// normalizes, bytes libxml2 replaced) is refused and left untouched.
    public func write() throws(XMLSupportError) {
        try Self.write([self])
    }

    /// Writes several edited files all or nothing (see ``AtomicFile/replaceAll(_:)``): a
    /// document and the items it includes are stamped or merged together, or not at all.
    public static func write(_ sources: [SourceText]) throws(XMLSupportError) {
        var files: [(path: String, expected: [UInt8], data: Data)] = []
        for source in sources where source.hasEdits { files.append((source.path, source.original, Data(try source.editedBytes()))) }
        guard !files.isEmpty else { return }
        do {
            try AtomicFile.replaceAll(files)
        } catch {
            throw .file(error)
        }
    }

    /// The edited text in the file's encoding, refused when the file would not convert back.
    private func editedBytes() throws(XMLSupportError) -> [UInt8] {
        let unchanged = try? encoding.encode(text)
        guard unchanged == original else {
            throw .file(.unwritable(path: path, reason: "its \(encoding.name) text does not convert back to the same bytes, so editing it "
                + "could change more than intended; the file is left untouched (save it as UTF-8 and run again)"))
        }
        do {
            return try encoding.encode(editedText)
        } catch {
            throw .file(.unwritable(path: path, reason: "the edit cannot be written in \(encoding.name); the file is left untouched"))
        }
    }
}
