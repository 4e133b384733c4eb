import Base
import Foundation

/// Checks the encoding an XML declaration names before libxml2 sees the bytes.
///
/// libxml2 (through ICU) would decode UTF-7 and other exotic encodings, in which
/// markup can hide from filters that look at bytes ("+ADw-" is "<" in UTF-7).
/// Only the encodings real glossaries, XLIFF and TMX files use are accepted.
enum XMLEncodingGuard {
    static let accepted: [String] = [
        "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "ucs-2", "us-ascii", "ascii",
        "iso-8859-1", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-7",
        "iso-8859-9", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16",
        "latin1", "latin-1", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
        "windows-1254", "windows-1257", "cp1250", "cp1251", "cp1252",
    ]

    /// A diagnostic when the declared encoding is not accepted, else nil.
    static func problem(in data: Data, file: String) -> Diagnostic? {
        // UTF-16 and UTF-32 documents start with a BOM or a NUL byte; libxml2 detects them.
        let head = Array(data.prefix(256))
        let encoding = SourceEncoding.detect(head)
        if encoding.name.hasPrefix("UTF-16") || head.first == 0 { return nil }
        let bytes = Array(head.dropFirst(encoding.byteOrderMark.count))
        guard let name = SourceEncoding.declaredEncoding(bytes) else { return nil }
        if accepted.contains(name.lowercased()) { return nil }
        let declaration = String(decoding: bytes, as: UTF8.self)
        let column = declaration.range(of: "encoding").map { declaration.distance(from: declaration.startIndex, to: $0.lowerBound) + 1 } ?? 0
        return Diagnostic(
            file: file, line: 1, column: column,
            message: "unsupported encoding '\(name)'; save the file as UTF-8 (or UTF-16, ISO-8859-x, windows-125x)")
    }
}
