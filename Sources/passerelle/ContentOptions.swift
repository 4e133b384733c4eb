import ArgumentParser
import Consistency
import Content
import Foundation
import XMLSupport

/// Options shared by the commands that read content sources.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The folder XIncludes must stay in (default: content/ for the files in it, else each file's folder).")
    var contentRoot: String?

    /// The default content folder.
    static let folder = "content"

    /// Loads one source file.
    func load(_ file: String) throws -> ContentDocument {
        try requireReadableFile(file)
        return try ContentLoader(contentRoot: contentRoot ?? Self.defaultRoot(for: file)).load(file: file)
    }

    /// `content/` for a file inside it (items in sibling folders may be included), nil
    /// (the file's own folder) for any other file.
    static func defaultRoot(for file: String) -> String? {
        LocalPath.resolve(file).map { LocalPath.isInside($0, root: Self.folder) } == true ? Self.folder : nil
    }

    /// The files named, or, when none is, every content source under `content/` and its
    /// subfolders (XML files whose root is a `document`; included items are not).
    static func files(_ named: [String]) throws -> [String] {
        guard named.isEmpty else { return named }
        let found = FolderFiles.list(folder) { $0.hasSuffix(".xml") }.filter { BilingualFormat.detect(file: $0) == .content }
        if found.isEmpty { throw CommandFailure(message: "no file given and no content source (.xml with a <document> root) under content/") }
        return found
    }
}
