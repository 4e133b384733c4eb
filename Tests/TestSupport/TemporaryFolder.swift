import Foundation

/// A fresh folder under the system's temporary directory, for tests that write files.
///
/// ```swift
/// let folder = try TemporaryFolder.make("baseline")
/// defer { TemporaryFolder.remove(folder) }
/// ```
public enum TemporaryFolder {
    /// Creates `passerelle-NAME-UUID` in the temporary directory.
    public static func make(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Removes a folder made by ``make(_:)`` and everything in it.
    public static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }
}
