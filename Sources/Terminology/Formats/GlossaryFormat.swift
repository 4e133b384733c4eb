import Foundation
import XMLSupport

/// The file formats a termbase can be read from and written to.
public enum GlossaryFormat: String, CaseIterable, Sendable {
    /// Passerelle's XML (`.xml`).
    case native
    /// TBX v3, ISO 30042:2019 (`.tbx` when writing).
    case tbx
    /// TBX v2, martif (`--to tbx2`).
    case tbx2
    case csv
    case tsv

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
                throw TerminologyError.invalid([XMLDiagnostic(file: path, line: 0, message: "cannot read the file")])
            }
            let text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
            return try CSVGlossaryFormat.read(text, file: path)
        case .native, .tbx, .tbx2:
            if Self.isLargeTBX(path) { return try TBXReader.read(streaming: path) }
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

    /// TBX files above this size are streamed, one entry at a time (see ``TBXReader``).
    public static let streamingThreshold = 8 << 20

    /// A TBX file large enough to stream: over the threshold, with a `martif` or `tbx` root.
    static func isLargeTBX(_ path: String) -> Bool {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > streamingThreshold,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        return head.contains("<martif") || head.contains("<tbx")
    }

    /// The termbase as text in this format.
    public func write(_ termbase: Termbase) throws -> String {
        switch self {
        case .native: NativeGlossaryFormat.write(termbase)
        case .tbx: TBXWriter.write(termbase, version: .v3)
        case .tbx2: TBXWriter.write(termbase, version: .v2)
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
            throw TerminologyError(error)
        }
    }
}
