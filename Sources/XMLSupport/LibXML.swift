import Base
import CLibXML2
import Foundation

/// Process-wide set-up of libxml2 and the per-call error capture.
///
/// libxml2 reports errors through a thread-local "structured error" callback and
/// loads external resources through one process-wide entity loader. Passerelle
/// installs a loader that refuses everything (no network, no local file through
/// an entity or DTD) except files under a folder explicitly allowed for the
/// current thread (RELAX NG schemas including their parts).
enum LibXML {
    /// The options of every parse: no network, big line numbers, CDATA as text.
    /// Never NOENT (substitutes entities, reads local files), DTDLOAD or HUGE.
    static let secureOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    private static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(refusingLoader)
    }()

    /// Initializes libxml2 once and re-installs the refusing entity loader (other
    /// code in the process, such as Foundation's XMLParser, may replace it).
    static func prepare() {
        _ = setUp
        xmlSetExternalEntityLoader(refusingLoader)
        pc_xml_silence_generic_errors()
    }

    /// Runs `body` with libxml2's errors collected into a ``DiagnosticSink``.
    static func collectingErrors<T>(file: String, _ body: (DiagnosticSink) throws -> T) rethrows -> T {
        prepare()
        let sink = DiagnosticSink(file: file)
        let previousHandler = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(sink).toOpaque(), structuredErrorHandler)
        defer {
            xmlSetStructuredErrorFunc(previousContext, previousHandler)
        }
        return try withExtendedLifetime(sink) { try body(sink) }
    }

    /// Allows the entity loader to read local files under `folder` while `body` runs
    /// on this thread (for RELAX NG `include` and `externalRef`).
    static func allowingFiles<T>(under folder: String, _ body: () throws -> T) rethrows -> T {
        let key = "passerelle.xml.allowedRoot"
        let previous = Thread.current.threadDictionary[key]
        Thread.current.threadDictionary[key] = folder
        defer { Thread.current.threadDictionary[key] = previous }
        return try body()
    }

    static func allowedRoot() -> String? {
        Thread.current.threadDictionary["passerelle.xml.allowedRoot"] as? String
    }
}

/// Collects libxml2's errors during one call.
final class DiagnosticSink {
    let file: String
    /// Source lines read again to give element errors a column.
    let lines = SourceLines()
    private(set) var diagnostics: [Diagnostic] = []
    /// What libxml2 said about each diagnostic (kept for RELAX NG errors, which the
    /// schema explains once validation is over: see ``SchemaGuide``).
    private(set) var details: [Detail] = []
    private let limit = 200

    /// libxml2's own description of one error.
    struct Detail {
        var code: Int32
        var node: xmlNodePtr? = nil
        var str1: String? = nil
        var str2: String? = nil
    }

    init(file: String) { self.file = file }

    func add(_ diagnostic: Diagnostic, detail: Detail = Detail(code: 0)) {
        // libxml2 repeats some errors (an entity loop, once per reference).
        guard diagnostics.count < limit, diagnostics.last != diagnostic else { return }
        diagnostics.append(diagnostic)
        details.append(detail)
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

extension DiagnosticSink {
    /// Records one libxml2 error, locating it by its node when libxml2 gives no line.
    func record(_ error: xmlErrorPtr) {
        let raw = error.pointee
        let message = (raw.message.map { String(cString: $0) } ?? "unknown libxml2 error")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var line = Int(raw.line)
        var file = raw.file.map { String(cString: $0) } ?? self.file
        // The parser names the document by the absolute path it was given as base.
        if file != self.file, file == URL(fileURLWithPath: self.file).standardizedFileURL.path { file = self.file }
        var column = Int(max(raw.int2, 0))
        // The element the error is about.
        var subject = raw.node?.assumingMemoryBound(to: xmlNode.self)
        if var node = subject {
            // "Element p failed to validate attributes" may come with p's child as node.
            if message.hasPrefix("Element "), let named = message.dropFirst(8).split(separator: " ").first {
                var ancestor: xmlNodePtr? = node
                while let current = ancestor, current.pointee.type == XML_ELEMENT_NODE {
                    if current.pointee.name.map({ String(cString: $0) }) == String(named) { node = current; break }
                    ancestor = current.pointee.parent
                }
            }
            subject = node
            if line <= 0 { line = Int(xmlGetLineNo(node)) }
            // Validation errors name the document by its absolute URL: use the name the
            // user gave, or the included file the element came from.
            let documentURL = node.pointee.doc?.pointee.URL.map { String(cString: $0) }
            if raw.file == nil || raw.file.map({ String(cString: $0) }) == documentURL {
                file = XMLTree.originFile(of: node) ?? self.file
            }
            if node.pointee.type == XML_ELEMENT_NODE, line > 0 {
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                let prefix = node.pointee.ns?.pointee.prefix.map { String(cString: $0) }
                (line, column) = XMLTree.sourcePosition(lines: lines, file: file, line: line, tag: prefix.map { "\($0):\(name)" } ?? name,
                                                         occurrence: XMLTree.sameLineIndexWalkingBack(of: node))
            }
        }
        let severity: Severity = raw.level.rawValue >= XML_ERR_ERROR.rawValue ? .error : .warning
        let str1 = raw.str1.map { String(cString: $0) }, str2 = raw.str2.map { String(cString: $0) }
        var shown = message
        if raw.domain == Int32(XML_FROM_PARSER.rawValue) || raw.domain == Int32(XML_FROM_NAMESPACE.rawValue) {
            let details = ParserMessages.Raw(code: raw.code, message: message, str1: str1, str2: str2, int1: raw.int1)
            shown = ParserMessages.explain(details)
            if column > ParserMessages.columnShift(details) { column -= ParserMessages.columnShift(details) }
        }
        add(Diagnostic(file: file, line: max(line, 0), column: column, message: shown, severity: severity),
            detail: Detail(code: raw.code, node: subject, str1: str1, str2: str2))
    }
}

/// The handler libxml2 calls; its context is a ``DiagnosticSink``.
let structuredErrorHandler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<DiagnosticSink>.fromOpaque(context).takeUnretainedValue().record(error)
}

/// The external entity loader: every URL is refused unless it is a local file
/// under the folder allowed on this thread.
private let refusingLoader: xmlExternalEntityLoader = { url, _, context in
    let requested = url.map { String(cString: $0) } ?? ""
    if let root = LibXML.allowedRoot(), let path = LocalPath.resolve(requested), LocalPath.isInside(path, root: root) {
        return xmlNewInputFromFile(context, path)
    }
    return nil
}
