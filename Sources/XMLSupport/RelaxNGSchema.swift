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
    private let lock = NSLock()

    /// Compiles a schema file.
    public init(file path: String) throws(XMLSupportError) {
        let tree = try XMLTree.parse(file: path)
        let folder = (URL(fileURLWithPath: path).standardizedFileURL.path as NSString).deletingLastPathComponent
        let (compiled, errors) = LibXML.allowingFiles(under: folder) {
            LibXML.collectingErrors(file: path) { sink -> (xmlRelaxNGPtr?, [XMLDiagnostic]) in
                guard let context = xmlRelaxNGNewDocParserCtxt(tree.document) else { return (nil, []) }
                defer { xmlRelaxNGFreeParserCtxt(context) }
                xmlRelaxNGSetParserStructuredErrors(context, __xmlStructuredError().pointee, __xmlStructuredErrorContext().pointee)
                let schema = xmlRelaxNGParse(context)
                return (schema, sink.errors)
            }
        }
        guard let compiled, errors.isEmpty else {
            if let compiled { xmlRelaxNGFree(compiled) }
            throw .schema(errors.isEmpty ? [XMLDiagnostic(file: path, line: 0, message: "not a RELAX NG schema")] : errors)
        }
        self.path = path
        self.schema = compiled
    }

    deinit { xmlRelaxNGFree(schema) }

    /// Checks a document; every problem becomes a diagnostic naming the element.
    public func validate(_ tree: XMLTree) throws(XMLSupportError) {
        let problems = diagnostics(for: tree)
        if !problems.isEmpty { throw .invalid(problems) }
    }

    /// The problems of a document against this schema (empty when it is valid).
    public func diagnostics(for tree: XMLTree) -> [XMLDiagnostic] {
        diagnostics(forDocument: tree.document, sourceName: tree.sourceName)
    }

    /// The problems of one element (and its content) against this schema's start
    /// pattern; lines and file still refer to the element's source.
    public func diagnostics(forElement element: XMLTree.Element) -> [XMLDiagnostic] {
        guard let standalone = xmlNewDoc("1.0") else { return [element.diagnostic("out of memory")] }
        defer { xmlFreeDoc(standalone) }
        guard let copy = xmlDocCopyNode(element.node, standalone, 1) else { return [element.diagnostic("out of memory")] }
        xmlDocSetRootElement(standalone, copy)
        xmlReconciliateNs(standalone, copy)
        return diagnostics(forDocument: standalone, sourceName: element.file)
    }

    private func diagnostics(forDocument document: xmlDocPtr, sourceName: String) -> [XMLDiagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return LibXML.collectingErrors(file: sourceName) { sink in
            guard let context = xmlRelaxNGNewValidCtxt(schema) else {
                return [XMLDiagnostic(file: sourceName, line: 0, message: "out of memory")]
            }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlRelaxNGSetValidStructuredErrors(context, __xmlStructuredError().pointee, __xmlStructuredErrorContext().pointee)
            let result = xmlRelaxNGValidateDoc(context, document)
            let errors = sink.errors
            if result != 0 && errors.isEmpty {
                return [XMLDiagnostic(file: sourceName, line: 0, message: "the document does not match \(path)")]
            }
            return errors
        }
    }
}

