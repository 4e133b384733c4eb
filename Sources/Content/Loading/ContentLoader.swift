import Foundation
import XMLSupport

/// Reads a content source: parses it securely, resolves XIncludes inside the content
/// folder, validates it against `schemas/content.rng`, builds the ``ContentDocument``
/// and checks what the schema cannot (unique ids, declared languages, safe links).
///
/// ```swift
/// let charter = try ContentLoader().load(file: "content/charter.xml")
/// print(charter.metadata.title.text(in: "de")?.inlines.plainText ?? "")
/// ```
///
/// Every problem is reported, each with file:line:column, in one ``ContentError``.
public struct ContentLoader: Sendable {
    /// The folder XIncludes must stay in; nil means the source file's folder.
    public var contentRoot: String?

    public init(contentRoot: String? = nil) {
        self.contentRoot = contentRoot
    }

    /// The XML namespace of content sources.
    public static let namespace = "urn:passerelle:content:1"

    /// Loads and checks one source file.
    public func load(file: String) throws(ContentError) -> ContentDocument {
        let tree: XMLTree
        let root = contentRoot ?? (URL(fileURLWithPath: file).deletingLastPathComponent().path)
        do throws(XMLSupportError) {
            tree = try XMLTree.parse(file: file)
            try tree.processXIncludes(confinedTo: root)
            let problems = try RelaxNGSchema.bundled(named: "content.rng").diagnostics(for: tree)
            if !problems.isEmpty { throw XMLSupportError.invalid(problems) }
        } catch {
            throw .invalid(error.diagnostics)
        }
        var reader = ContentReader(file: file, contentRoot: root)
        var document = reader.read(tree.root)
        document.sourceFingerprints = tree.sourceFingerprints
        if !reader.problems.isEmpty { throw .invalid(reader.problems) }
        return document
    }
}
