import Dispatch
import Foundation

/// Sorts lines of text by ICU collation, fast enough for millions of lines.
///
/// Each line's sort key is computed once (in parallel, straight from UTF-8),
/// then the keys are compared byte by byte.
///
/// ```swift
/// let sorter = LineSorter(collator: try Collator(locale: "de-u-co-phonebk"))
/// let output = try sorter.sort([.init(name: "words.txt", bytes: Array("Öl\nOfen\n".utf8))])
/// ```
public struct LineSorter: Sendable {
    /// One input: a name for messages and its bytes.
    public struct Input: Sendable {
        public let name: String
        public let bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// What to do besides sorting.
    public struct Options: Sendable {
        /// Keep only the first of lines equal at the collator's strength.
        public var unique = false
        /// Largest first.
        public var reverse = false
        public init(unique: Bool = false, reverse: Bool = false) {
            self.unique = unique
            self.reverse = reverse
        }
    }

    public let collator: Collator

    public init(collator: Collator) { self.collator = collator }

    /// The sorted lines, each ended by a newline. Ties keep input order.
    ///
    /// - Throws: ``LinguisticsError/invalidUTF8(source:line:)`` naming the first bad line.
    public func sort(_ inputs: [Input], options: Options = Options()) throws -> [UInt8] {
        let lines = LineTable(inputs)
        let keys = try computeKeys(lines)
        var order = Array(0..<Int32(lines.count))
        keys.withSortKeys { key in
            order.sort { a, b in
                let comparison = key(Int(a), Int(b))
                if comparison != 0 { return options.reverse ? comparison > 0 : comparison < 0 }
                return a < b
            }
        }
        if options.unique {
            keys.withSortKeys { key in
                var kept: [Int32] = []
                kept.reserveCapacity(order.count)
                for index in order where kept.last.map({ key(Int($0), Int(index)) != 0 }) ?? true {
                    kept.append(index)
                }
                order = kept
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(lines.totalBytes + lines.count)
        for index in order {
            lines.append(line: Int(index), to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }

    private func computeKeys(_ lines: LineTable) throws -> KeyTable {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, lines.count / 10_000 + 1))
        let chunk = (lines.count + workers - 1) / max(workers, 1)
        let parts = ResultBox<KeyTable.Part>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<min(lines.count, (worker + 1) * chunk)
            parts.set(worker, Result { try self.keys(for: range, of: lines) })
        }
        return KeyTable(parts: try parts.values().map { try $0.get() })
    }

    private func keys(for range: Range<Int>, of lines: LineTable) throws -> KeyTable.Part {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 24)
        var offsets: [Int] = [0]
        offsets.reserveCapacity(range.count + 1)
        for index in range {
            let length = lines.length(of: index)
            if length > Collator.maxSortKeyInput {
                let (name, line) = lines.origin(of: index)
                throw LinguisticsError.lineTooLong(source: name, line: line, bytes: length, limit: Collator.maxSortKeyInput)
            }
            do {
                try lines.withLine(index) { try collator.appendSortKey(utf8: $0, to: &bytes) }
            } catch {
                let (name, line) = lines.origin(of: index)
                throw LinguisticsError.invalidUTF8(source: name, line: line)
            }
            offsets.append(bytes.count)
        }
        return KeyTable.Part(bytes: bytes, offsets: offsets)
    }
}

/// The lines of all inputs, as byte ranges (a final `\r` is kept as part of the line).
private struct LineTable: @unchecked Sendable {
    let inputs: [LineSorter.Input]
    /// For each line: input index, start and end offsets.
    var input: [Int32] = []
    var starts: [Int] = []
    var ends: [Int] = []
    /// Line number of each line within its input.
    var numbers: [Int32] = []

    init(_ inputs: [LineSorter.Input]) {
        self.inputs = inputs
        for (which, source) in inputs.enumerated() {
            var start = 0
            var number: Int32 = 1
            source.bytes.withUnsafeBufferPointer { buffer in
                for (offset, byte) in buffer.enumerated() where byte == UInt8(ascii: "\n") {
                    input.append(Int32(which)); starts.append(start); ends.append(offset); numbers.append(number)
                    start = offset + 1
                    number += 1
                }
            }
            if start < source.bytes.count {
                input.append(Int32(which)); starts.append(start); ends.append(source.bytes.count); numbers.append(number)
            }
        }
    }

    var count: Int { starts.count }

    /// The length of line `index` in bytes.
    func length(of index: Int) -> Int { ends[index] - starts[index] }
    var totalBytes: Int { inputs.reduce(0) { $0 + $1.bytes.count } }

    func withLine<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try inputs[Int(input[index])].bytes.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[starts[index]..<ends[index]]))
        }
    }

    func append(line index: Int, to output: inout [UInt8]) {
        output.append(contentsOf: inputs[Int(input[index])].bytes[starts[index]..<ends[index]])
    }

    func origin(of index: Int) -> (String, Int) {
        (inputs[Int(input[index])].name, Int(numbers[index]))
    }
}

/// Sort keys of all lines, in one buffer.
private struct KeyTable {
    struct Part {
        let bytes: [UInt8]
        let offsets: [Int]
    }

    let bytes: [UInt8]
    let offsets: [Int]

    init(parts: [Part]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        for part in parts {
            let base = bytes.count
            bytes.append(contentsOf: part.bytes)
            offsets.append(contentsOf: part.offsets.dropFirst().map { $0 + base })
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Lends a function comparing the keys of two lines (memcmp order).
    func withSortKeys<R>(_ body: ((Int, Int) -> Int32) -> R) -> R {
        bytes.withUnsafeBytes { all in
            offsets.withUnsafeBufferPointer { offsets in
                body { a, b in
                    let aStart = offsets[a], aLength = offsets[a + 1] - aStart
                    let bStart = offsets[b], bLength = offsets[b + 1] - bStart
                    // Keys end with a 0 byte, so memcmp over the shorter length decides.
                    let result = memcmp(all.baseAddress! + aStart, all.baseAddress! + bStart, min(aLength, bLength))
                    return result != 0 ? result : aLength < bLength ? -1 : aLength > bLength ? 1 : 0
                }
            }
        }
    }
}

/// Results written by concurrent workers, one slot each.
private final class ResultBox<T>: @unchecked Sendable {
    private var slots: [Result<T, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, Error>) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    func values() -> [Result<T, Error>] { slots.compactMap { $0 } }
}
