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

    @Test("a language without patterns says which package to install")
    func missing() {
        #expect(throws: LinguisticsError.noHyphenationPatterns(language: "xx", package: "hyphen-xx")) {
            try Hyphenator(language: "xx")
        }
    }
}
