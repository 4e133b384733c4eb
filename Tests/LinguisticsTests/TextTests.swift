import Foundation
import Linguistics
import Testing

@Suite("Word breaks, search, normalization, stems, formats")
struct TextTests {
    @Test("French: elision with ' and ’, punctuation and digits")
    func frenchWords() throws {
        let tokenizer = try WordTokenizer(locale: "fr")
        #expect(tokenizer.wordStrings(in: "L'économie sociale et solidaire (ESS) crée 2,4 millions d’emplois !")
            == ["économie", "sociale", "et", "solidaire", "ESS", "crée", "2,4", "millions", "emplois"])
        #expect(tokenizer.wordStrings(in: "Qu'en pense l’Union ? Jusqu'à aujourd'hui, rien.")
            == ["en", "pense", "Union", "à", "aujourd'hui", "rien"])
    }

    @Test("German: suspended hyphens and hyphenated compounds")
    func germanWords() throws {
        let tokenizer = try WordTokenizer(locale: "de")
        #expect(tokenizer.wordStrings(in: "Sozial- und Solidarwirtschaft: CSR-Netzwerke im Jahr 2021.")
            == ["Sozial", "und", "Solidarwirtschaft", "CSR", "Netzwerke", "im", "Jahr", "2021"])
        // Elision is French only: a German apostrophe stays in the word.
        #expect(tokenizer.wordStrings(in: "Geht's gut?") == ["Geht's", "gut"])
    }

    @Test("word ranges point into the original string")
    func ranges() throws {
        let text = "Ökonomie – l’Économie"
        let words = try WordTokenizer(locale: "fr").words(in: text)
        #expect(words.map { String(text[$0.range]) } == ["Ökonomie", "Économie"])
        #expect(words.map(\.kind) == [.letters, .letters])
        #expect(words[1].utf16Range == 13..<21)
    }

    @Test("collation search finds a phrase regardless of case and accents, whole words only")
    func search() throws {
        let search = TextSearch(collator: try Collator(locale: "fr", strength: .primary))
        let text = "Vive l'Économie Sociale ! Les économies sociales… et la macroéconomie sociale."
        #expect(search.ranges(of: "economie sociale", in: text).map { String(text[$0]) } == ["Économie Sociale"])
        let loose = TextSearch(collator: try Collator(locale: "fr", strength: .primary), wholeWords: false)
        #expect(loose.ranges(of: "economie sociale", in: text).count == 2)
    }

    @Test("NFC, case folding and locale case mapping")
    func normalization() throws {
        #expect(TextNormalizer.normalize("e\u{301}conomie", to: .nfc) == "économie")
        #expect(TextNormalizer.normalize("é", to: .nfd).unicodeScalars.count == 2)
        #expect(TextNormalizer.foldCase("STRASSE") == TextNormalizer.foldCase("Straße"))
        #expect(try TextNormalizer.uppercase("straße", locale: "de") == "STRASSE")
        #expect(try TextNormalizer.lowercase("İSTANBUL", locale: "tr") == "istanbul")
    }

    @Test("UTF-16 code units become the same String as the standard library makes")
    func utf16Transcoding() {
        for text in ["", "ESS", "Économie sociale", "Maßnahmen für Œuvres", "€ 2,4 Mio.", "emoji 🤝 coopération", "中文"] {
            let units = Array(text.utf16)
            #expect(String(utf16Units: units[...]) == text)
            #expect(String(utf16Units: units.dropFirst()) == String(decoding: units.dropFirst(), as: UTF16.self))
        }
        // Unpaired surrogates become U+FFFD, as with String(decoding:as:).
        for units: [UInt16] in [[0x61, 0xD83E], [0xDD1D, 0x62], [0xD83E, 0xD83E, 0xDD1D]] {
            #expect(String(utf16Units: units[...]) == String(decoding: units, as: UTF16.self))
        }
    }

    @Test("UTF16Text: code units and String indexes of a reused buffer")
    func utf16Text() throws {
        var buffer = UTF16Text()
        for text in ["emoji 🤝 coopération sociale", "Économie", "", "Straße"] {
            buffer.load(text)
            #expect(buffer.units == Array(text.utf16))
            let tokenizer = try WordTokenizer(locale: "fr")
            var ranges: [Range<Int>] = []
            tokenizer.wordRanges(in: buffer, into: &ranges)
            let words = ranges.map { String(text[buffer.index(atUTF16Offset: $0.lowerBound, in: text)..<buffer.index(atUTF16Offset: $0.upperBound, in: text)]) }
            #expect(words == tokenizer.wordStrings(in: text))
        }
    }

    @Test("Snowball stems join inflected forms")
    func stems() throws {
        let french = try Stemmer(language: "fr")
        #expect(french.stem("économies") == french.stem("économie"))
        #expect(french.stem("sociales") == french.stem("social"))
        let german = try Stemmer(language: "de")
        #expect(german.stem("Entwicklungen") == german.stem("Entwicklung"))
        #expect(german.stem("Entwicklung") == "entwickl")
        let english = try Stemmer(language: "en")
        #expect(english.stem("enterprises") == english.stem("enterprise"))
        #expect(Stemmer.availableAlgorithms.count >= 20)
        #expect(throws: LinguisticsError.self) { try Stemmer(language: "tlh") }
    }

    @Test("dates and numbers in fr, de, en")
    func formats() throws {
        let date = try #require(LocaleFormat.calendarDate(year: 2020, month: 12, day: 3))
        #expect(try LocaleFormat(locale: "fr").date(date) == "3 décembre 2020")
        #expect(try LocaleFormat(locale: "de").date(date) == "3. Dezember 2020")
        #expect(try LocaleFormat(locale: "en").date(date) == "December 3, 2020")
        #expect(try LocaleFormat(locale: "fr").date(date, skeleton: "EEEEdMMMMy") == "jeudi 3 décembre 2020")
        #expect(try LocaleFormat(locale: "fr").number(1234.5, fractionDigits: 0...2) == "1\u{202F}234,5")
        #expect(try LocaleFormat(locale: "de").number(1234.5, fractionDigits: 0...2) == "1.234,5")
        #expect(LocaleFormat.calendarDate(year: 2021, month: 2, day: 30) == nil)
    }
}
