import Foundation
import XMLSupport

/// Finds Passerelle's RELAX NG schemas (the `schemas/` folder of the project)
/// and compiles each once.
public enum SchemaLocator {
    /// Folders searched, in order: `PASSERELLE_SCHEMAS`, then `schemas/` in the
    /// folders above the executable, then above the current folder.
    public static func candidateFolders() -> [String] {
        var folders: [String] = []
        if let custom = ProcessInfo.processInfo.environment["PASSERELLE_SCHEMAS"] { folders.append(custom) }
        for start in [URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent(),
                      URL(fileURLWithPath: FileManager.default.currentDirectoryPath), URL(fileURLWithPath: #filePath)] {
            var url = start
            for _ in 0..<8 {
                folders.append(url.appendingPathComponent("schemas").path)
                url.deleteLastPathComponent()
            }
        }
        return folders
    }

    /// The path of a schema file such as `glossary.rng`.
    public static func path(of name: String) throws -> String {
        let folders = candidateFolders()
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw TerminologyError.missingSchema(name: name, searched: Array(folders.prefix(3)))
    }

    private static let cache = SchemaCache()

    /// The compiled schema `name`, compiled on first use.
    public static func schema(named name: String) throws -> RelaxNGSchema {
        try cache.schema(named: name)
    }
}

private final class SchemaCache: @unchecked Sendable {
    private var schemas: [String: RelaxNGSchema] = [:]
    private let lock = NSLock()

    func schema(named name: String) throws -> RelaxNGSchema {
        lock.lock()
        defer { lock.unlock() }
        if let schema = schemas[name] { return schema }
        let path = try SchemaLocator.path(of: name)
        do {
            let schema = try RelaxNGSchema(file: path)
            schemas[name] = schema
            return schema
        } catch {
            throw TerminologyError(error)
        }
    }
}
