import Content
@testable import Rendering
import Testing

@Suite("Typography of each language")
struct TypographyTests {
    static func typeset(_ text: String, _ language: String) -> String {
        var typographer = Typographer(language: language)
        return typographer.apply(text)
    }

    @Test("French: guillemets typed with plain spaces or none get no-break spaces; spaces between words stay")
    func frenchGuillemets() {
        #expect(Self.typeset("un « mot » ici", "fr") == "un «\u{00A0}mot\u{00A0}» ici")
        #expect(Self.typeset("un «mot» ici", "fr") == "un «\u{00A0}mot\u{00A0}» ici")
        #expect(Self.typeset("un \"mot\" ici", "fr") == "un «\u{00A0}mot\u{00A0}» ici")
        #expect(Self.typeset("trois mots simples", "fr") == "trois mots simples")
        #expect(Self.typeset("à 10 h 30 et 9 h, le hall", "fr") == "à 10\u{00A0}h\u{00A0}30 et 9\u{00A0}h, le hall")
    }

    @Test("single quotes: German ‚…‘, English ‘…’, French “…”; the apostrophe inside a word")
    func singleQuotes() {
        #expect(Self.typeset("das 'Wort' geht's", "de") == "das \u{201A}Wort\u{2018} geht\u{2019}s")
        #expect(Self.typeset("the 'word' isn't", "en") == "the \u{2018}word\u{2019} isn\u{2019}t")
        #expect(Self.typeset("l'ESS dit 'oui'", "fr") == "l\u{2019}ESS dit \u{201C}oui\u{201D}")
    }

    @Test("en dash in number ranges, not in dates, codes or words")
    func ranges() {
        #expect(Self.typeset("pages 10-12 et 2019-2020.", "fr") == "pages 10\u{2013}12 et 2019\u{2013}2020.")
        #expect(Self.typeset("le 2019-06-20, L-1234, COVID-19", "fr") == "le 2019-06-20, L-1234, COVID-19")
    }

    @Test("no-break space after n° and Nr., before % in French and German")
    func numbers() {
        #expect(Self.typeset("n° 3 et n°4", "fr") == "n°\u{00A0}3 et n°\u{00A0}4")
        #expect(Self.typeset("50 % et 20%", "fr") == "50\u{00A0}% et 20\u{00A0}%")
        #expect(Self.typeset("Nr. 3 mit 50%", "de") == "Nr.\u{00A0}3 mit 50\u{00A0}%")
        #expect(Self.typeset("50% off", "en") == "50% off")
    }

    @Test("French dates and times: 1er for the first of the month, 10 h 30")
    func frenchDatesAndTimes() throws {
        let formatter = LocaleFormatter()
        let first = try #require(ContentDate(iso: "2019-04-01"))
        #expect(formatter.date(first, language: "fr") == "1er avril 2019")
        #expect(formatter.date(first, language: "fr", style: .full) == "lundi 1er avril 2019")
        #expect(formatter.date(first, language: "de") == "1. April 2019")
        #expect(formatter.time("10:30", language: "fr") == "10\u{00A0}h\u{00A0}30")
        #expect(formatter.time("09:00", language: "fr") == "9\u{00A0}h")
    }
}
