import Base
import CLibXML2
import Foundation

/// A compiled RELAX NG schema (XML syntax).
///
/// ```swift
/// let schema = try RelaxNGSchema(file: "schemas/glossary.rng")
/// try schema.validate(tree)   // throws .invalid with one diagnostic per problem
/// ```
///
/// The schema may include or reference other schema files of its own folder.
public final class RelaxNGSchema: @unchecked Sendable {
    /// The schema file.
    public let path: String
    private let schema: xmlRelaxNGPtr
    /// The schema read as rules, to tell validation errors in its terms.
    private let guide: SchemaGuide
    private let lock = NSLock()
    /// A fingerprint of the schema's files (itself and those it includes or references),
    /// for ``ValidationCache``.
    private let fingerprint: UInt64
    /// Remembers the documents found valid, so that an unchanged one is not validated again.
    private let cache: ValidationCache?

    /// Compiles a schema file. With `remembersValidDocuments`, documents found valid are
    /// recorded in the user's cache and not validated again while neither they nor the
    /// schema change.
    public init(file path: String, remembersValidDocuments: Bool = false) throws(XMLSupportError) {
        let tree = try XMLTree.parse(file: path)
        let folder = (URL(fileURLWithPath: path).standardizedFileURL.path as NSString).deletingLastPathComponent
        let (compiled, errors) = LibXML.allowingFiles(under: folder) {
            LibXML.collectingErrors(file: path) { sink -> (xmlRelaxNGPtr?, [Diagnostic]) in
                guard let context = xmlRelaxNGNewDocParserCtxt(tree.document) else { return (nil, []) }
                defer { xmlRelaxNGFreeParserCtxt(context) }
                xmlRelaxNGSetParserStructuredErrors(context, __xmlStructuredError().pointee, __xmlStructuredErrorContext().pointee)
                let schema = xmlRelaxNGParse(context)
                return (schema, sink.errors)
            }
        }
        guard let compiled, errors.isEmpty else {
            if let compiled { xmlRelaxNGFree(compiled) }
            throw .schema(errors.isEmpty ? [Diagnostic(file: path, line: 0, message: "not a RELAX NG schema")] : errors)
        }
        self.path = path
        self.schema = compiled
        guide = SchemaGuide(schema: tree)
        var fingerprint = tree.sourceFingerprints.values.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ $1) &* 0x0000_0100_0000_01B3 }
        for reference in tree.root.descendants(named: "include") + tree.root.descendants(named: "externalRef") {
            guard let href = reference.attribute("href"),
                  let bytes = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(href)) else { continue }
            fingerprint = (fingerprint ^ SourceText.fingerprint(of: bytes)) &* 0x0000_0100_0000_01B3
        }
        self.fingerprint = fingerprint
        cache = remembersValidDocuments ? ValidationCache.shared : nil
    }

    deinit { xmlRelaxNGFree(schema) }

    /// Checks a document; every problem becomes a diagnostic naming the element.
    public func validate(_ tree: XMLTree) throws(XMLSupportError) {
        let problems = diagnostics(for: tree)
        if !problems.isEmpty { throw .invalid(problems) }
    }

    /// The problems of a document against this schema (empty when it is valid).
    public func diagnostics(for tree: XMLTree) -> [Diagnostic] {
        guard let cache, !tree.sourceFingerprints.isEmpty else { return diagnostics(of: tree) }
        let key = ValidationCache.key(schema: fingerprint, document: tree.sourceFingerprints)
        if cache.contains(key) { return [] }
        let problems = diagnostics(of: tree)
        if problems.isEmpty { cache.insert(key) }
        return problems
    }

    /// The problems of one element (and its content) against this schema's start
    /// pattern; lines and file still refer to the element's source.
    public func diagnostics(forElement element: XMLTree.Element) -> [Diagnostic] {
        guard let standalone = xmlNewDoc("1.0") else { return [element.diagnostic("out of memory")] }
        defer { xmlFreeDoc(standalone) }
        guard let copy = xmlDocCopyNode(element.node, standalone, 1) else { return [element.diagnostic("out of memory")] }
        xmlDocSetRootElement(standalone, copy)
        xmlReconciliateNs(standalone, copy)
        return diagnostics(of: XMLTree(document: standalone, sourceName: element.file, ownsDocument: false))
    }

    /// Validates, then tells each error in the schema's terms (``SchemaGuide``).
    private func diagnostics(of tree: XMLTree) -> [Diagnostic] {
        let document = tree.document, sourceName = tree.sourceName
        lock.lock()
        defer { lock.unlock() }
        return LibXML.collectingErrors(file: sourceName) { sink in
            guard let context = xmlRelaxNGNewValidCtxt(schema) else {
                return [Diagnostic(file: sourceName, line: 0, message: "out of memory")]
            }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlRelaxNGSetValidStructuredErrors(context, __xmlStructuredError().pointee, __xmlStructuredErrorContext().pointee)
            let result = xmlRelaxNGValidateDoc(context, document)
            let failures = zip(sink.diagnostics, sink.details).filter { $0.0.severity == .error }.map { diagnostic, detail in
                SchemaGuide.Failure(
                    diagnostic: diagnostic, code: detail.code,
                    element: detail.node.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? XMLTree.Element(tree: tree, node: $0) : nil },
                    str1: detail.str1, str2: detail.str2)
            }
            if result != 0 && failures.isEmpty {
                return [Diagnostic(file: sourceName, line: 0, message: "the document does not match \(path)")]
            }
            return guide.explain(failures)
        }
    }
}

