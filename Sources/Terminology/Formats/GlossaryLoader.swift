import Base
import Foundation
import XMLSupport

/// Loads a termbase from files and folders (`--glossary`, default `glossaries/`).
///
/// Every file is read, and all their problems are reported together, each with
/// file:line:column.
public struct GlossaryLoader: Sendable {
    public init() {}

    /// The glossary files under `paths` (files as given; folders searched for
    /// .xml, .tbx, .csv and .tsv files, sorted by name).
    public func files(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw TerminologyError.noGlossary(path: path)
            }
            if !isFolder.boolValue {
                files.append(path)
                continue
            }
            let found = FolderFiles.list(path) { GlossaryFormat(pathExtension: ($0 as NSString).pathExtension) != nil }
            if found.isEmpty { throw TerminologyError.noGlossary(path: path) }
            files += found
        }
        return files
    }

    /// One termbase made of every file under `paths`.
    public func load(paths: [String]) throws -> Termbase {
        var termbase = Termbase()
        var problems: [Diagnostic] = []
        for file in try files(in: paths) {
            do {
                termbase.merge(try GlossaryFormat.read(file: file))
            } catch let error as TerminologyError {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw TerminologyError.invalid(problems) }
        return termbase
    }
}
