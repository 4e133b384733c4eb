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
        lock.lock()
        defer { lock.unlock() }
        return LibXML.collectingErrors(file: tree.sourceName) { sink in
            guard let context = xmlRelaxNGNewValidCtxt(schema) else {
                return [XMLDiagnostic(file: tree.sourceName, line: 0, message: "out of memory")]
            }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlRelaxNGSetValidStructuredErrors(context, __xmlStructuredError().pointee, __xmlStructuredErrorContext().pointee)
            let result = xmlRelaxNGValidateDoc(context, tree.document)
            let errors = sink.errors
            if result != 0 && errors.isEmpty {
                return [XMLDiagnostic(file: tree.sourceName, line: 0, message: "the document does not match \(path)")]
            }
            return errors
        }
    }
}

