import Content
import Foundation
import TestSupport
import Testing

/// `status --stamp` edits files editors saved with ordinary tools: whatever their
/// encoding and line endings, only the `from` attributes change, byte for byte.
@Suite("Stamping files in any encoding")
struct StampingEncodingTests {
    static let base = Corpus.projectFile("Tests/ContentTests/Fixtures/encodings/base.xml")

    /// One way of saving a file: an encoding, a byte order mark, line endings.
    struct Variant: CustomStringConvertible, Sendable {
        var name: String
        var declared: String
        var lineEnding: @Sendable (Int) -> String
        var encode: @Sendable (String) -> Data?

        var description: String { name }

        /// The bytes of the UTF-8, LF `text` saved this way.
        func bytes(of text: String) throws -> Data {
            var lines = text.replacingOccurrences(of: "ENCODING", with: declared).components(separatedBy: "\n")
            let last = lines.removeLast()
            var joined = ""
            for (index, line) in lines.enumerated() { joined += line + lineEnding(index) }
            joined += last
            return try #require(encode(joined), "\(name) cannot hold the text")
        }
    }

    static let lf: @Sendable (Int) -> String = { _ in "\n" }
    static let crlf: @Sendable (Int) -> String = { _ in "\r\n" }

    static let variants: [Variant] = [
        Variant(name: "UTF-8", declared: "UTF-8", lineEnding: lf) { Data($0.utf8) },
        Variant(name: "UTF-8 with BOM", declared: "UTF-8", lineEnding: lf) { Data([0xEF, 0xBB, 0xBF] + Array($0.utf8)) },
        Variant(name: "UTF-8 CRLF", declared: "UTF-8", lineEnding: crlf) { Data($0.utf8) },
        Variant(name: "UTF-8 CR", declared: "UTF-8", lineEnding: { _ in "\r" }) { Data($0.utf8) },
        Variant(name: "UTF-8 mixed", declared: "UTF-8", lineEnding: { $0 % 3 == 0 ? "\r\n" : "\n" }) { Data($0.utf8) },
        Variant(name: "UTF-16LE with BOM, CRLF", declared: "UTF-16", lineEnding: crlf) { Data([0xFF, 0xFE]) + $0.data(using: .utf16LittleEndian)! },
        Variant(name: "UTF-16BE with BOM", declared: "UTF-16", lineEnding: lf) { Data([0xFE, 0xFF]) + $0.data(using: .utf16BigEndian)! },
        Variant(name: "windows-1252 CRLF", declared: "windows-1252", lineEnding: crlf) { $0.data(using: .windowsCP1252) },
        Variant(name: "ISO-8859-15", declared: "ISO-8859-15", lineEnding: lf) { latin9($0) },
    ]

    /// ISO-8859-15 written by hand (Foundation has no converter for it): characters it
    /// lacks become character references, as an editor saving in Latin-9 writes them.
    static func latin9(_ text: String) -> Data {
        let special: [Unicode.Scalar: UInt8] = ["€": 0xA4, "Š": 0xA6, "š": 0xA8, "Ž": 0xB4, "ž": 0xB8, "Œ": 0xBC, "œ": 0xBD, "Ÿ": 0xBE]
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if let byte = special[scalar] {
                bytes.append(byte)
            } else if scalar.value < 0x100, ![0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE].contains(scalar.value) {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes += Array("&#\(scalar.value);".utf8)
            }
        }
        return Data(bytes)
    }

    /// The base file stamped in German and English, UTF-8 with LF line endings.
    static func stampedReference() throws -> String {
        let folder = try TemporaryFolder.make("stamp-reference")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("doc.xml").path
        try variants[0].bytes(of: try String(contentsOfFile: base, encoding: .utf8)).write(to: URL(fileURLWithPath: file))
        for language in ["de", "en"] {
            try TranslationStamper.stamp(try ContentLoader().load(file: file), language: language)
        }
        return try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "UTF-8", with: "ENCODING")
    }

    @Test("the UTF-8 reference stamp adds or replaces from= and nothing else, and makes every translation current")
    func reference() throws {
        let before = try String(contentsOfFile: Self.base, encoding: .utf8)
        let after = try Self.stampedReference()
        let strip = { (text: String) in text.replacingOccurrences(of: #" from="[0-9a-f]{8}""#, with: "", options: .regularExpression) }
        #expect(strip(after) == strip(before))
        #expect(after.components(separatedBy: " from=\"").count - 1 == 6)
        #expect(!after.contains("00000000"), "the outdated stamp is replaced")
        // The tag written over three lines keeps its layout.
        #expect(after.contains("<text\n          xml:lang=\"de\" from=\""))
    }

    @Test("stamping keeps the encoding, byte order mark and line endings: only from= changes", arguments: variants)
    func variant(_ variant: Variant) throws {
        let folder = try TemporaryFolder.make("stamp-encoding")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("doc.xml").path
        try variant.bytes(of: try String(contentsOfFile: Self.base, encoding: .utf8)).write(to: URL(fileURLWithPath: file))

        let loaded = try ContentLoader().load(file: file)
        let title = try #require(loaded.metadata.title.text(in: "fr")?.inlines.plainText)
        #expect(title.contains("Économie") && title.contains("€"), "read as \(variant): \(title)")
        for language in ["de", "en"] {
            let stamped = try TranslationStamper.stamp(try ContentLoader().load(file: file), language: language)
            #expect(stamped.count == 3, "\(variant) \(language): \(stamped.count)")
        }
        let expected = try variant.bytes(of: try Self.stampedReference())
        let written = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(written == expected, "\(variant): the stamped file differs from the expected bytes")
        let report = try ContentLoader().load(file: file).translationReport()
        #expect(report.counts.allSatisfy { $0.current == $0.units }, "\(report.counts)")
    }

    @Test("a file changed after the document was loaded is not stamped, and is left as the other program wrote it")
    func changedSinceLoaded() throws {
        let folder = try TemporaryFolder.make("stamp-changed")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("doc.xml").path
        let original = try Self.variants[0].bytes(of: try String(contentsOfFile: Self.base, encoding: .utf8))
        try original.write(to: URL(fileURLWithPath: file))
        let document = try ContentLoader().load(file: file)
        let edited = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "Actualités", with: "Nouvelles").utf8)
        try edited.write(to: URL(fileURLWithPath: file))
        #expect {
            try TranslationStamper.stamp(document, language: "de")
        } throws: { error in
            guard case ContentError.changedSinceLoaded = error else { return false }
            return true
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == edited)
    }

    @Test("a symbolic link to a source is stamped through: the link stays a link")
    func symbolicLink() throws {
        let folder = try TemporaryFolder.make("stamp-link")
        defer { TemporaryFolder.remove(folder) }
        let real = folder.appendingPathComponent("real.xml").path, link = folder.appendingPathComponent("link.xml").path
        try Self.variants[0].bytes(of: try String(contentsOfFile: Self.base, encoding: .utf8)).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try TranslationStamper.stamp(try ContentLoader().load(file: link), language: "de")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("xml:lang=\"de\" from=\""))
    }
}
