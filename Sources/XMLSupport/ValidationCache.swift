import Base
import Foundation

/// The documents a schema found valid, by fingerprint, kept in the user's cache
/// (`~/.cache/passerelle/validation/valid`), so that an unchanged file is not validated
/// again: libxml2's RELAX NG validation of the bundled termbase costs more than the rest
/// of a render. Only valid documents are recorded; a file that changed, or a schema that
/// changed, has another key and is validated. Without a writable cache folder, every
/// document is validated.
final class ValidationCache: @unchecked Sendable {
    static let shared = ValidationCache(folder: UserCache.folder("validation"))

    /// Keys kept; the oldest are dropped beyond this.
    static let capacity = 4096

    private let file: String?
    private var keys: [String]?
    private var known: Set<String> = []
    private let lock = NSLock()

    init(folder: String?) {
        file = folder.map { ($0 as NSString).appendingPathComponent("valid") }
    }

    /// The key of a document (its files' fingerprints) against a schema (its files').
    static func key(schema: UInt64, document fingerprints: [String: UInt64]) -> String {
        var hash = schema
        for fingerprint in fingerprints.values.sorted() { hash = (hash ^ fingerprint) &* 0x0000_0100_0000_01B3 }
        return String(schema, radix: 16) + "-" + String(hash, radix: 16) + "-" + String(fingerprints.count)
    }

    func contains(_ key: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        load()
        return known.contains(key)
    }

    /// Records a valid document; the file is rewritten atomically (a failure is ignored).
    func insert(_ key: String) {
        lock.lock()
        defer { lock.unlock() }
        load()
        guard let file, known.insert(key).inserted else { return }
        keys?.append(key)
        if let all = keys, all.count > Self.capacity {
            keys = Array(all.suffix(Self.capacity))
            known = Set(keys ?? [])
        }
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? AtomicFile.write((keys ?? []).joined(separator: "\n") + "\n", to: file)
    }

    private func load() {
        guard keys == nil else { return }
        let text = file.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        keys = text.split(separator: "\n").map(String.init)
        known = Set(keys ?? [])
    }
}
