import Base
import Foundation

/// Checks the encoding an XML declaration names before libxml2 sees the bytes.
///
/// libxml2 (through ICU) would decode UTF-7 and other exotic encodings, in which
/// markup can hide from filters that look at bytes ("+ADw-" is "<" in UTF-7).
/// Only the encodings real glossaries, XLIFF and TMX files use are accepted.
enum XMLEncodingGuard {
    static let accepted: Set<String> = Set([
        "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be", "ucs-2", "ucs-4", "us-ascii", "ascii",
        "latin1", "latin-1",
    ] + (1...16).filter { $0 != 12 }.map { "iso-8859-\($0)" } + (1250...1258).flatMap { ["windows-\($0)", "cp\($0)"] })

    /// True for an encoding name Passerelle reads (any case, `_` for `-`).
    static func accepts(_ name: String) -> Bool {
        accepted.contains(name.lowercased().replacingOccurrences(of: "_", with: "-"))
    }

    /// The diagnostic for an encoding libxml2 found (declared anywhere in the declaration,
    /// or detected from the first bytes, as EBCDIC is) that is not accepted.
    static func problem(withParsedEncoding name: String, file: String) -> Diagnostic? {
        accepts(name) ? nil : Diagnostic(file: file, line: 1, message: "unsupported encoding '\(name)'; save the file as UTF-8 (or UTF-16, ISO-8859-x, windows-125x)")
    }

    /// A diagnostic when the declared encoding is not accepted, else nil.
    static func problem(in data: Data, file: String) -> Diagnostic? {
        // UTF-16 and UTF-32 documents start with a BOM or a NUL byte; libxml2 detects them.
        // EBCDIC ("<?xm" as 4C 6F A7 94): libxml2 would decode it with whatever code page is declared.
        if data.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
            return Diagnostic(file: file, line: 1, message: "the file is in EBCDIC, which Passerelle does not read; save it as UTF-8")
        }
        let head = Array(data.prefix(4096))
        let encoding = SourceEncoding.detect(head)
        if encoding.name.hasPrefix("UTF-16") || head.first == 0 { return nil }
        let bytes = Array(head.dropFirst(encoding.byteOrderMark.count))
        guard let name = SourceEncoding.declaredEncoding(bytes) else { return nil }
        if accepts(name) { return nil }
        let declaration = String(decoding: bytes, as: UTF8.self)
        let column = declaration.range(of: "encoding").map { declaration.distance(from: declaration.startIndex, to: $0.lowerBound) + 1 } ?? 0
        return Diagnostic(
            file: file, line: 1, column: column,
            message: "unsupported encoding '\(name)'; save the file as UTF-8 (or UTF-16, ISO-8859-x, windows-125x)")
    }
}
