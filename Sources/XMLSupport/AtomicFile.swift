import Foundation

/// Writes outputs atomically: a temporary file in the same folder, then a rename, so
/// a failed run leaves the previous file as it was and readers never see half a file.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws(XMLSupportError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}
