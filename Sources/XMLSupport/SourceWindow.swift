import Base
import Foundation

/// The lines around a place of a large UTF-8 file, read from disk when a diagnostic asks
/// for a column: a large streamed file (a 1 GB XLIFF) is never held whole for that.
///
/// Places are asked for in line order as the file is streamed, so the window (about a
/// megabyte of whole lines) moves forward through the file; the offset of every 4,096th line
/// is kept to go back without reading from the start.
final class SourceWindow {
    /// Files from this size are read through a window.
    static let threshold = 32 << 20
    /// About how many bytes a window holds (more when one line is longer).
    static let windowBytes = 1 << 20
    /// The lines a window keeps before the line it was made for (a start tag written over
    /// several lines is looked for up to 30 lines back).
    static let linesBefore = 32
    private static let checkpointEvery = 4096

    private let path: String
    private let windowBytes: Int
    private let handle: FileHandle
    private let size: UInt64
    /// `checkpoints[k]`: the byte offset of line `k * checkpointEvery + 1`.
    private var checkpoints: [UInt64] = [0]
    /// The window read last: its text and its first line in the file.
    private var current: (text: SourceText, firstLine: Int)?
    /// How many windows were read (a pass through the file in line order reads each part once).
    private(set) var reads = 0

    /// A window on `path`, or nil when the file is smaller than `threshold`, not UTF-8, or unreadable.
    init?(path: String, threshold: Int = SourceWindow.threshold, windowBytes: Int = SourceWindow.windowBytes) {
        let size = FileSize.of(path)
        guard size >= threshold, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        guard let head = try? handle.read(upToCount: 4096), SourceEncoding.detect(head).name == "UTF-8" else {
            try? handle.close()
            return nil
        }
        self.path = path
        self.windowBytes = windowBytes
        self.handle = handle
        self.size = UInt64(size)
    }

    deinit { try? handle.close() }

    /// The text holding line `line` of the file (with lines before and after it), and how
    /// many lines of the file come before the text's first line.
    func text(holding line: Int) -> (text: SourceText, linesBefore: Int)? {
        guard line >= 1 else { return nil }
        // The last line of a window may go on in the next one: only the lines before it count.
        if let current, line >= current.firstLine, line - current.firstLine + 1 < current.text.lineCount {
            return (current.text, current.firstLine - 1)
        }
        let first = max(1, line - Self.linesBefore)
        guard let start = offset(ofLine: first), let text = window(from: start, through: line - first + 2) else { return nil }
        current = (text, first)
        reads += 1
        return (text, first - 1)
    }

    /// The byte offset where line `line` starts, found from the nearest line known before it.
    private func offset(ofLine line: Int) -> UInt64? {
        let index = min((line - 1) / Self.checkpointEvery, checkpoints.count - 1)
        var number = index * Self.checkpointEvery + 1
        var offset = checkpoints[index]
        while number < line {
            guard offset < size, let chunk = read(at: offset, count: windowBytes), !chunk.isEmpty else { return nil }
            var consumed = chunk.count
            for (position, byte) in chunk.enumerated() where byte == 0x0A {
                number += 1
                if (number - 1) % Self.checkpointEvery == 0, (number - 1) / Self.checkpointEvery == checkpoints.count {
                    checkpoints.append(offset + UInt64(position + 1))
                }
                if number == line {
                    consumed = position + 1
                    break
                }
            }
            offset += UInt64(consumed)
        }
        return offset
    }

    /// About ``windowBytes`` of whole lines from `start`, at least `lines` of them when the file has them.
    private func window(from start: UInt64, through lines: Int) -> SourceText? {
        var bytes: [UInt8] = []
        var newlines = 0
        var offset = start
        while offset < size {
            guard let chunk = read(at: offset, count: windowBytes), !chunk.isEmpty else { break }
            bytes += chunk
            offset += UInt64(chunk.count)
            newlines += chunk.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            if newlines >= lines { break }
        }
        // Whole lines only: cut after the last line feed (unless the file ends there).
        if offset < size, let end = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((end + 1)...) }
        return try? SourceText(bytes: bytes, path: path)
    }

    private func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count) else { return nil }
        return [UInt8](data)
    }
}
