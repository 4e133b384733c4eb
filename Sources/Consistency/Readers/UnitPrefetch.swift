import Base
import Dispatch
import Foundation
import XMLSupport

/// Reads bilingual files on another thread while the caller does something else (loading
/// the glossary), so that ``ConsistencyChecker/check(files:prefetch:progress:)`` finds
/// their units ready and its workers have the processor to themselves.
///
/// Only files that are small together are read ahead (``limit``): their units are held in
/// memory; larger sets are streamed by the check as usual.
///
/// ```swift
/// let prefetch = UnitPrefetch(files: files, reader: reader)
/// let termbase = try GlossaryLoader().load(paths: ["glossaries"])
/// let report = ConsistencyChecker(termbase: termbase).check(files: files, prefetch: prefetch)
/// ```
final class UnitPrefetch: @unchecked Sendable {
    /// The largest total size of files read ahead, in bytes.
    static let limit = 32 << 20

    private var read: [String: Result<(units: [BilingualUnit], notices: [Diagnostic]), ConsistencyError>] = [:]
    private let done = DispatchGroup()
    private let lock = NSLock()

    /// Starts reading `files` with `reader` when their total size is under ``limit``.
    init(files: [String], reader: BilingualReader) {
        // A file that cannot be read counts for nothing: reading it ahead records why.
        let total = files.reduce(0) { $0 + FileSize.of($1) }
        guard total <= Self.limit else { return }
        DispatchQueue.global().async(group: done) { [self] in
            for file in files {
                let result = Result { () throws(ConsistencyError) in try reader.units(in: file) }
                lock.withLock { read[file] = result }
            }
        }
    }

    /// The units of `file` (or why it could not be read), once read; nil when it was not read ahead.
    func take(_ file: String) -> Result<(units: [BilingualUnit], notices: [Diagnostic]), ConsistencyError>? {
        done.wait()
        return lock.withLock { read.removeValue(forKey: file) }
    }
}
