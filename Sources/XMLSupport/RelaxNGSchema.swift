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

    /// Compiles a schema file.
    public init(file path: String) throws(XMLSupportError) {
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
    }

    deinit { xmlRelaxNGFree(schema) }

    /// Checks a document; every problem becomes a diagnostic naming the element.
    public func validate(_ tree: XMLTree) throws(XMLSupportError) {
        let problems = diagnostics(for: tree)
        if !problems.isEmpty { throw .invalid(problems) }
    }

    /// The problems of a document against this schema (empty when it is valid).
    public func diagnostics(for tree: XMLTree) -> [Diagnostic] {
        diagnostics(of: tree)
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

