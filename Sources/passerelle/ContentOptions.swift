import ArgumentParser
import Content
import Foundation

/// Options shared by the commands that read content sources.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The folder XIncludes must stay in (default: each file's folder).")
    var contentRoot: String?

    /// Loads one source file.
    func load(_ file: String) throws -> ContentDocument {
        try requireReadableFile(file)
        return try ContentLoader(contentRoot: contentRoot).load(file: file)
    }

    /// The files named, or every .xml file of `content/` when none is.
    static func files(_ named: [String]) throws -> [String] {
        guard named.isEmpty else { return named }
        let folder = "content"
        let found = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".xml") && !$0.contains("/") }
            .sorted()
            .map { "\(folder)/\($0)" }
        if found.isEmpty { throw CommandFailure(message: "no file given and no .xml file in content/") }
        return found
    }
}
