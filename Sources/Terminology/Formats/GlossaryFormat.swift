import Base
import Foundation
import XMLSupport

/// The file formats a termbase can be read from and written to.
public enum GlossaryFormat: String, CaseIterable, Sendable {
    /// Passerelle's XML (`.xml`).
    case native
    /// TBX v2 (martif, TBX-Basic), what `.tbx` means when writing: what CAT tools and
    /// translate-toolkit's tbx2po import (they read TBX v2 only; tbx2po fails on v3).
    case tbx
    /// TBX v2 in the TBX-Default dialect (`--to tbx-default`), as IATE exports it: IATE's
    /// reliability codes as a data category rather than a note.
    case tbxDefault = "tbx-default"
    /// TBX v3, ISO 30042:2019 (`--to tbx3`).
    case tbx3
    case csv
    case tsv

    /// A format by name, as `--to` and `--from` take it; `tbx2` is `tbx`.
    public init?(name: String) {
        if name.lowercased() == "tbx2" { self = .tbx; return }
        self.init(rawValue: name.lowercased())
    }

    /// The format a file name implies, if any.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "xml", "glossary": self = .native
        case "tbx": self = .tbx
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        default: return nil
        }
    }

    /// Reads a termbase from a file. TBX versions are told apart by content; an
    /// `.xml` file whose root is `martif` or `tbx` is read as TBX.
    public static func read(file path: String, as format: GlossaryFormat? = nil) throws -> Termbase {
        guard let format = format ?? GlossaryFormat(pathExtension: (path as NSString).pathExtension) else {
            throw TerminologyError.unknownFormat(path: path)
        }
        switch format {
        case .csv, .tsv:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TerminologyError.invalid([Diagnostic(file: path, line: 0, message: "cannot read the file")])
            }
            guard let text = String(data: data, encoding: .utf8) else {
                // The line of the first byte that is not UTF-8, for the user to find it.
                let bytes = [UInt8](data)
                var valid = bytes.count
                var decoder = UTF8()
                var iterator = bytes.makeIterator()
                var offset = 0
                loop: while true {
                    switch decoder.decode(&iterator) {
                    case let .scalarValue(scalar): offset += UTF8.width(scalar)
                    case .emptyInput: break loop
                    case .error:
                        valid = offset
                        break loop
                    }
                }
                let line = bytes[..<min(valid, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                throw TerminologyError.invalid([Diagnostic(file: path, line: line, message: "this line is not UTF-8: save the file as UTF-8 (in a spreadsheet: CSV UTF-8)")])
            }
            return try CSVGlossaryFormat.read(text, file: path)
        case .native, .tbx, .tbxDefault, .tbx3:
            if Self.streamsTBX(path) { return try TBXReader.read(streaming: path) }
            let tree: XMLTree
            do {
                tree = try XMLTree.parse(file: path)
            } catch {
                throw TerminologyError(error)
            }
            let root = tree.root
            if root.name == "martif" || root.name == "tbx" { return try TBXReader.read(tree) }
            guard root.name == "glossary" else {
                throw TerminologyError.invalid([root.diagnostic(
                    "not a glossary: the root is <\(root.name)>; expected <glossary> (Passerelle), <tbx> or <martif> (TBX)")])
            }
            return try NativeGlossaryFormat.read(tree)
        }
    }

    /// TBX files that declare entities are read whole (the whole-document reader expands
    /// them, within bounds; the stream refuses them), except above this size.
    public static let streamingThreshold = 8 << 20

    /// A TBX file to read as a stream, one entry at a time (see ``TBXReader``): its root is
    /// `martif` or `tbx`, and it declares no entity or is too large to read whole. Streaming
    /// is twice as fast as reading the whole document and holds a fraction of the memory.
    static func streamsTBX(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        guard let root = rootElementName(head), root == "martif" || root == "tbx" else { return false }
        if !head.contains("<!ENTITY") { return true }
        let size = FileSize.of(path)
        return size > streamingThreshold
    }

    /// The name of the first element in the beginning of an XML document (the prolog's
    /// declaration, comments, processing instructions and document type skipped), if there.
    static func rootElementName(_ head: String) -> String? {
        var rest = Substring(head)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("?") || rest.hasPrefix("!") {
                // The declaration, a processing instruction or the document type: its internal
                // subset may hold "<!ENTITY ...>" declarations, skipped as markup too.
                continue
            } else {
                let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
                let local = name.split(separator: ":").last.map(String.init) ?? ""
                return local.isEmpty ? nil : local
            }
        }
        return nil
    }

    /// The termbase as text in this format.
    public func write(_ termbase: Termbase) throws -> String {
        switch self {
        case .native: NativeGlossaryFormat.write(termbase)
        case .tbx: TBXWriter.write(termbase, version: .v2)
        case .tbxDefault: TBXWriter.write(termbase, version: .v2, dialect: .tbxDefault)
        case .tbx3: TBXWriter.write(termbase, version: .v3)
        case .csv: try CSVGlossaryFormat.write(termbase, delimiter: ",")
        case .tsv: try CSVGlossaryFormat.write(termbase, delimiter: "\t")
        }
    }

    /// Writes the termbase to a file atomically: a temporary file in the same
    /// folder, then a rename, so a failure leaves the previous file as it was.
    public func write(_ termbase: Termbase, to path: String) throws {
        let text = try write(termbase)
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw TerminologyError.invalid(error.diagnostics)
        }
    }
}
