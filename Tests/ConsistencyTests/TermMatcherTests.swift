import Consistency
import Terminology
import TestSupport
import Testing

@Suite("TermMatcher: whole words, longest first, inflection, compounds, elision")
struct TermMatcherTests {
    static let termbase = CheckRuleTests.termbase

    static func concepts(_ text: String, _ language: String) throws -> [String] {
        try TermMatcher(termbase: termbase, language: language).matches(in: text).flatMap { $0.entries.map(\.conceptID) }
    }

    @Test("French: elision, inflection, longest match, acronyms only as written")
    func french() throws {
        #expect(try Self.concepts("Le cluster promeut l'entrepreneuriat social.", "fr").contains("social-entrepreneurship"))
        #expect(try Self.concepts("Les économies sociales et solidaires", "fr") == ["social-solidarity-economy"])
        #expect(try Self.concepts("Les essais du projet", "fr").isEmpty)
        #expect(try Self.concepts("L'ESS recrute", "fr") == ["social-solidarity-economy"])
        #expect(try Self.concepts("la coopération transfrontalière", "fr") == ["cross-border-cooperation"])
        #expect(!(try Self.concepts("la coopération entre membres", "fr")).contains("cooperative"))
        #expect(try Self.concepts("les coopératives", "fr") == ["cooperative"])
    }

    @Test("French: the term's gender and part of speech narrow its forms")
    func frenchGrammar() throws {
        // "communs" (the commons) is a masculine noun: "communes" is the adjective or the municipalities.
        #expect(!(try Self.concepts("Nous menons des actions communes.", "fr")).contains("commons"))
        #expect(!(try Self.concepts("Les communes de Wallonie soutiennent le projet.", "fr")).contains("commons"))
        #expect(try Self.concepts("Les communs numériques", "fr") == ["commons"])
        // A feminine term: its masculine adjective is not a form of it ("économie sociale" / "social").
        #expect(try Self.concepts("les chartes des membres", "fr") == ["charter", "member"])
        #expect(try Self.concepts("les entreprises d'économie sociale", "fr") == ["walloon-social-economy-enterprise"])
        #expect(!(try Self.concepts("les entreprises d'économie social", "fr")).contains("walloon-social-economy-enterprise"))
        // A masculine noun of a person also stands for the feminine written as its form.
        #expect(Set(try Self.concepts("nos adhérentes", "fr")) == ["member"])
        #expect(Set(try Self.concepts("une entrepreneure sociale", "fr")) == ["social-entrepreneur"])
        // Masculine terms keep their plurals, regular and irregular.
        #expect(try Self.concepts("les comités de pilotage", "fr") == ["steering-committee"])
        #expect(try Self.concepts("les intérêts généraux", "fr") == ["public-benefit"])
    }

    @Test("a term is found in capitals and title case; an acronym only as written")
    func letterCase() throws {
        #expect(try Self.concepts("ÉCONOMIE SOCIALE ET SOLIDAIRE", "fr") == ["social-solidarity-economy"])
        #expect(try Self.concepts("Économie Sociale et Solidaire", "fr") == ["social-solidarity-economy"])
        #expect(try Self.concepts("Ess et projets", "fr").isEmpty)
        #expect(try Self.concepts("DER LOKALEN ENTWICKLUNG", "de") == ["local-development"])
        // Matchers share one dictionary; the first word seen must not change what the next finds.
        let matcher = try TermMatcher(termbase: Self.termbase, language: "fr")
        #expect(matcher.matches(in: "ESS").count == 1 && matcher.matches(in: "Ess").isEmpty && matcher.matches(in: "ess").isEmpty)
    }

    @Test("the word cache is emptied between texts, never during one")
    func cacheReset() throws {
        let matcher = try TermMatcher(termbase: Self.termbase, language: "fr")
        // Each text brings new words: the cache fills up and is emptied many times.
        for index in 0..<(TermMatcher.cacheLimit * 2) {
            let words = (0..<5).map { "mot\(index)x\($0)" }.joined(separator: " ")
            let found = matcher.matches(in: "\(words) de l'économie sociale et solidaire \(words)")
            #expect(found.flatMap { $0.entries.map(\.conceptID) } == ["social-solidarity-economy"])
            if found.count != 1 { break }
        }
    }

    @Test("German: inflection, compounds, suspended hyphens")
    func german() throws {
        #expect(try Self.concepts("der lokalen Entwicklung", "de") == ["local-development"])
        #expect(try Self.concepts("Sozialwirtschaftsverbände", "de") == ["social-economy"])
        #expect(try Self.concepts("Wohnungsgenossenschaften", "de") == ["cooperative"])
        #expect(try Self.concepts("Sozial- und Solidarwirtschaft", "de") == ["social-solidarity-economy"])
        #expect(try Self.concepts("Sozial- und Bildungswirtschaft", "de") == ["social-economy"])
        let philanthropy = try TermMatcher(termbase: Self.termbase, language: "de").matches(in: "Philanthropie")
        #expect(Set(philanthropy.first?.entries.map(\.conceptID) ?? []) == ["social-solidarity-economy", "philanthropy"])
    }

    @Test("accent-sensitive matching at secondary strength")
    func strength() throws {
        let primary = try TermMatcher(termbase: Self.termbase, language: "fr", strength: .primary)
        let secondary = try TermMatcher(termbase: Self.termbase, language: "fr", strength: .secondary)
        #expect(!primary.matches(in: "economie sociale").isEmpty)
        #expect(secondary.matches(in: "economie sociale").isEmpty && !secondary.matches(in: "Économie sociale").isEmpty)
    }
}
