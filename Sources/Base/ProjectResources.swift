import Foundation

/// Finds the folders Passerelle ships beside its sources and binary: `schemas/`
/// (RELAX NG schemas) and `templates/` (themes).
///
/// Searched in order: the folder named by an environment variable
/// (`PASSERELLE_SCHEMAS`, `PASSERELLE_TEMPLATES`), then, in each folder above the
/// executable, the folder of that name (a checkout: `.build/release/passerelle` finds
/// `schemas/`) or `share/passerelle/` with it (an installed binary: `make install` puts
/// `PREFIX/bin/passerelle` beside `PREFIX/share/passerelle/schemas`), then the same
/// above the current folder.
///
/// ```swift
/// let path = try ProjectResources.locate("content.rng", in: .schemas)
/// ```
public enum ProjectResources {
    /// A folder of shipped resources.
    public struct Folder: Sendable {
        /// The folder's name in the project, e.g. `schemas`.
        public let name: String
        /// The environment variable that overrides where it is.
        public let environmentVariable: String

        public init(name: String, environmentVariable: String) {
            self.name = name
            self.environmentVariable = environmentVariable
        }

        /// The RELAX NG schemas.
        public static let schemas = Folder(name: "schemas", environmentVariable: "PASSERELLE_SCHEMAS")
        /// The Mustache themes.
        public static let templates = Folder(name: "templates", environmentVariable: "PASSERELLE_TEMPLATES")
    }

    /// The folders searched for `folder`, in order.
    public static func candidates(for folder: Folder) -> [String] {
        var folders: [String] = []
        if let custom = ProcessInfo.processInfo.environment[folder.environmentVariable] { folders.append(custom) }
        // The running binary itself (argv[0] is a bare name when found through PATH).
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let executable = URL(fileURLWithPath: binary).resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [executable, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var url = start
            for _ in 0..<8 {
                folders.append(url.appendingPathComponent(folder.name).path)
                folders.append(url.appendingPathComponent("share/passerelle").appendingPathComponent(folder.name).path)
                url.deleteLastPathComponent()
            }
        }
        return folders
    }

    /// The path of `name` (a file or folder) in the first candidate folder that has it.
    public static func locate(_ name: String, in folder: Folder) throws(FileError) -> String {
        let folders = candidates(for: folder)
        for candidate in folders {
            let path = (candidate as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw .unreadable(path: name, reason: "not found in \(folders.prefix(3).joined(separator: ", ")) ...; "
            + "run from the project folder or set \(folder.environmentVariable) to its \(folder.name)/ folder")
    }
}
