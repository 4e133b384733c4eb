import Foundation
import ZIPFoundation

/// The ZIP container of an office document (DOCX, ODT), written the same way every
/// time: entries in the order given, fixed timestamps and permissions, so that the same
/// input gives the same bytes (a reviewer's diff, a reproducible build).
struct OfficePackage {
    /// One file of the package.
    struct Entry {
        let path: String
        let data: Data
        /// False for ODF's `mimetype`, which must be stored, and for images already compressed.
        var compressed = true
    }

    /// Every entry's date: 1 January 2000, 00:00 (ZIP keeps local time, 2-second steps).
    static let timestamp = Date(timeIntervalSince1970: 946_684_800)

    private(set) var entries: [Entry] = []

    mutating func add(_ path: String, _ text: String) {
        entries.append(Entry(path: path, data: Data(text.utf8)))
    }

    mutating func add(_ entry: Entry) {
        entries.append(entry)
    }

    /// The ZIP archive's bytes.
    func data() throws(RenderingError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for entry in entries {
                let data = entry.data
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Self.timestamp, permissions: 0o644,
                                     compressionMethod: entry.compressed ? .deflate : .none) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw RenderingError.office("the ZIP archive could not be made in memory") }
            return bytes
        } catch let error as RenderingError {
            throw error
        } catch {
            throw .office("the ZIP archive could not be written (\(error))")
        }
    }
}
