import Foundation

/// The renderings `inconsistent-term` keeps until every file is read (one per unit and
/// concept): in memory up to ``memoryLimit``, then in a temporary file with no name on disk
/// (`tmpfile`), read back twice at the end. So memory stays bounded whatever the size of the
/// files checked; a check of a few files never touches the disk.
final class RenderingStore: @unchecked Sendable {
    /// Renderings kept in memory before the rest goes to the file (about 20 MB).
    static let memoryLimit = 200_000

    private var memory: [TermRenderings.Rendering] = []
    private var file: UnsafeMutablePointer<FILE>?
    /// False when no temporary file could be made: then everything stays in memory.
    private var canSpill = true
    private var buffer: [UInt8] = []
    private let memoryLimit: Int

    init(memoryLimit: Int = RenderingStore.memoryLimit) {
        self.memoryLimit = memoryLimit
    }

    deinit { if let file { fclose(file) } }

    func append(_ rendering: TermRenderings.Rendering) {
        if memory.count < memoryLimit || !canSpill {
            memory.append(rendering)
            return
        }
        if file == nil {
            file = tmpfile()
            guard file != nil else {
                canSpill = false
                memory.append(rendering)
                return
            }
        }
        buffer.removeAll(keepingCapacity: true)
        Self.encode(rendering, into: &buffer)
        fwrite(buffer, 1, buffer.count, file)
    }

    /// Every rendering, in the order appended.
    func forEach(_ body: (TermRenderings.Rendering) -> Void) {
        memory.forEach(body)
        guard let file else { return }
        fflush(file)
        rewind(file)
        var reader = Reader(file: file)
        while let rendering = reader.next() { body(rendering) }
        fseek(file, 0, SEEK_END)
    }

    // MARK: The file's records

    private static func encode(_ rendering: TermRenderings.Rendering, into bytes: inout [UInt8]) {
        let unit = rendering.unit
        for number in [rendering.key, rendering.term, rendering.sourceTerm, rendering.targetTerm, rendering.alternatives,
                       unit.file, unit.line, unit.column, unit.segment, unit.languages] {
            withUnsafeBytes(of: number.littleEndian) { bytes += $0 }
        }
        bytes.append(unit.state.flatMap { SegmentState.allCases.firstIndex(of: $0) }.map { UInt8($0) } ?? 255)
        bytes.append(unit.locked ? 1 : 0)
        appendString(unit.id, to: &bytes)
        if let texts = rendering.texts {
            bytes.append(texts.target == nil ? 1 : 2)
            appendString(texts.source, to: &bytes)
            if let target = texts.target { appendString(target, to: &bytes) }
        } else {
            bytes.append(0)
        }
    }

    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: Int32(string.utf8.count).littleEndian) { bytes += $0 }
        bytes += string.utf8
    }

    /// Reads the records back, in order.
    private struct Reader {
        let file: UnsafeMutablePointer<FILE>

        func next() -> TermRenderings.Rendering? {
            var numbers = [Int32](repeating: 0, count: 10)
            guard fread(&numbers, 4, 10, file) == 10 else { return nil }
            numbers = numbers.map { Int32(littleEndian: $0) }
            var flags: [UInt8] = [0, 0]
            guard fread(&flags, 1, 2, file) == 2, let id = string() else { return nil }
            var kind: UInt8 = 0
            guard fread(&kind, 1, 1, file) == 1 else { return nil }
            var texts: (source: String, target: String?)?
            if kind > 0 {
                guard let source = string() else { return nil }
                texts = (source, kind == 2 ? string() : nil)
            }
            let state = flags[0] == 255 ? nil : SegmentState.allCases[Int(flags[0])]
            let unit = TermRenderings.UnitRecord(file: numbers[5], line: numbers[6], column: numbers[7], segment: numbers[8],
                                                 languages: numbers[9], id: id, state: state, locked: flags[1] == 1)
            return TermRenderings.Rendering(key: numbers[0], term: numbers[1], sourceTerm: numbers[2], targetTerm: numbers[3],
                                            alternatives: numbers[4], unit: unit, texts: texts)
        }

        private func string() -> String? {
            var length: Int32 = 0
            guard fread(&length, 4, 1, file) == 1 else { return nil }
            let count = Int(Int32(littleEndian: length))
            guard count >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            guard count == 0 || fread(&bytes, 1, count, file) == count else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
