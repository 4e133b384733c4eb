import Foundation

/// Paths of the project and of the shared public corpora (`../shared/corpora`),
/// which some licences forbid copying into the repository.
public enum Corpus {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The shared corpora folder: `PASSERELLE_CORPORA` or `../shared/corpora`.
    public static let root: URL = {
        if let custom = ProcessInfo.processInfo.environment["PASSERELLE_CORPORA"] {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    }()

    /// The path of a corpus file, or an error that says which file is missing and where it was looked for.
    public static func path(_ relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingCorpusFile(relative: relative, lookedAt: url.path)
        }
        return url.path
    }

    /// Every regular file under a corpus folder, sorted.
    public static func files(under relative: String, where include: (String) -> Bool = { _ in true }) throws -> [String] {
        let folder = try path(relative)
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let item = enumerator.nextObject() as? String {
            let full = folder + "/" + item
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue, include(item) {
                found.append(full)
            }
        }
        return found.sorted()
    }

    /// A file of the project itself (relative to the package root).
    public static func projectFile(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }
}

/// A corpus file the tests need is not there.
public struct MissingCorpusFile: Error, CustomStringConvertible {
    public let relative: String
    public let lookedAt: String
    public var description: String {
        "Missing public corpus file '\(relative)' (looked at \(lookedAt)). The shared corpora must sit beside the project in ../shared/corpora, or set PASSERELLE_CORPORA."
    }
}
