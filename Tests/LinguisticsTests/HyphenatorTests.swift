import Foundation
import Linguistics
import Testing

@Suite("Hyphenation with libhyphen and Debian's patterns")
struct HyphenatorTests {
    /// The word with its breaks shown as "-".
    static func shown(_ word: String, _ hyphenator: Hyphenator) -> String {
        hyphenator.softHyphenated(word).replacingOccurrences(of: "\u{00AD}", with: "-")
    }

    @Test("German compounds break at their parts (ISO-8859-1 patterns)")
    func german() throws {
        let german = try Hyphenator(language: "de-LU")
        #expect(Self.shown("Gegenseitigkeitsgesellschaft", german) == "Ge-gen-sei-tig-keits-ge-sell-schaft")
        #expect(Self.shown("Einsendeschluss", german) == "Ein-sen-de-schluss")
        #expect(Self.shown("Solidarwirtschaft", german).contains("wirt-schaft"))
        #expect(Self.shown("Größenordnung", german).contains("Grö-ßen"), "\(Self.shown("Größenordnung", german))")
    }

    @Test("French breaks between syllables (UTF-8 patterns), never after one letter nor in short words")
    func french() throws {
        let french = try Hyphenator(language: "fr")
        #expect(Self.shown("coopératives", french) == "co-opé-ra-tives")
        #expect(Self.shown("économie", french) == "éco-no-mie")
        #expect(Self.shown("les amis", french) == "les amis")
        // Numbers and codes are left alone.
        #expect(Self.shown("L-1234 2019-2020", french) == "L-1234 2019-2020")
    }

    @Test("the cache file gains the new words' lines at its end; a damaged line is computed again")
    func cache() throws {
        let folder = NSTemporaryDirectory() + "passerelle-hyphenation-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let french = try Hyphenator(language: "fr")
        let first = try HyphenationCache(folder: folder).breaks(of: ["coopératives", "économie"], language: "fr")
        #expect(first == ["coopératives": french.breaks(in: "coopératives"), "économie": french.breaks(in: "économie")])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        let file = folder + "/" + (files.first ?? "")
        let written = try Data(contentsOf: URL(fileURLWithPath: file))
        // A new process (a new cache) reads the file and appends only the new word.
        _ = try HyphenationCache(folder: folder).breaks(of: ["économie", "solidarité"], language: "fr")
        let appended = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(appended.prefix(written.count) == written)
        #expect(String(decoding: appended.dropFirst(written.count), as: UTF8.self) == "solidarité\t\(french.breaks(in: "solidarité").map(String.init).joined(separator: ","))\n")
        // Damaged lines: breaks past the word, out of order, and a last line cut short.
        try Data("économie\t2,40\ncoopératives\t5,2\nsolidarité\t1".utf8).write(to: URL(fileURLWithPath: file))
        let again = try HyphenationCache(folder: folder).breaks(of: ["coopératives", "économie", "solidarité"], language: "fr")
        #expect(again == ["coopératives": french.breaks(in: "coopératives"), "économie": french.breaks(in: "économie"),
                          "solidarité": french.breaks(in: "solidarité")])
        let mended = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
        #expect(mended.hasPrefix("économie\t2,40\ncoopératives\t5,2\nsolidarité\t1#\n"), "the fragment is ended by a line no word has")
        // Read again, the fragment stays refused: "solidarité" keeps its own breaks, not [1].
        try Data("solidarité\t1".utf8).write(to: URL(fileURLWithPath: file))
        _ = try HyphenationCache(folder: folder).breaks(of: ["économie"], language: "fr")
        let reread = try HyphenationCache(folder: folder).breaks(of: ["solidarité"], language: "fr")
        #expect(reread == ["solidarité": french.breaks(in: "solidarité")])
    }

    @Test("a language without patterns says which package to install")
    func missing() {
        #expect(throws: LinguisticsError.noHyphenationPatterns(language: "xx", package: "hyphen-xx")) {
            try Hyphenator(language: "xx")
        }
    }
}
