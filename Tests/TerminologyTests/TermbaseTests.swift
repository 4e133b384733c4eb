import Foundation
import TestSupport
import Terminology
import Testing

@Suite("Index, lookup and lint")
struct TermbaseTests {
    static func bundled() throws -> Termbase { try GlossaryFormat.read(file: Corpus.projectFile("glossaries/ess-core.xml")) }

    @Test("the bundled glossary is lint-clean")
    func bundledIsClean() throws {
        let findings = try GlossaryLinter().lint(try GlossaryLoader().load(paths: [Corpus.projectFile("glossaries")]))
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings)")
    }

    /// Guards the bundled termbase against silent shrinking: raise the floors as it grows.
    @Test("the bundled termbase keeps its coverage")
    func coverage() throws {
        let termbase = try GlossaryLoader().load(paths: [Corpus.projectFile("glossaries")])
        #expect(termbase.concepts.count >= 110, "\(termbase.concepts.count) concepts")
        for concept in termbase.concepts {
            for language in ["fr", "de", "en"] {
                let section = concept.section(language)
                #expect(section?.recommendedWording != nil, "\(concept.id) has no \(language) term or paraphrase")
            }
            let defined = concept.languages.filter { !$0.definitions.isEmpty && $0.definitions.allSatisfy { $0.source != nil } }
            #expect(defined.count >= 2, "\(concept.id): sourced definitions in \(defined.count) language(s)")
        }
        let terms = termbase.concepts.flatMap { concept in concept.languages.flatMap { section in section.terms.map { (concept.id, $0) } } }
        let acronyms = Set(terms.filter { $0.1.exactMatch }.map(\.1.text))
        for acronym in ["ESS", "SSE", "RSE", "CSR", "GECT", "EVTZ", "EGTC", "SIS", "IAE", "SCIC", "ESAT", "WfbM", "ESF+"] {
            #expect(acronyms.contains(acronym), "missing acronym \(acronym)")
        }
        let warned = terms.filter { !$0.1.status.isAccepted }
        #expect(warned.count >= 20, "deprecated or superseded terms: \(warned.count)")
        #expect(warned.contains { $0.0 == "social-solidarity-economy" && $0.1.text == "Philanthropie" })
        #expect(Set(terms.flatMap(\.1.regions)).isSuperset(of: ["FR", "BE", "LU", "DE"]))
        let sections = termbase.concepts.flatMap(\.languages)
        #expect(sections.filter { $0.equivalence == .partial }.count >= 5)
        #expect(sections.filter { $0.equivalence == Equivalence.none }.allSatisfy { !($0.paraphrase ?? "").isEmpty })
        #expect(termbase.concepts.filter { !$0.relations.isEmpty }.count >= 55)
        for id in ["social-solidarity-economy", "social-economy", "solidarity-economy", "philanthropy", "common-good-economy",
                   "cooperative", "egtc", "greater-region", "ptce", "societal-impact-company", "esus-approval",
                   "work-integration", "sheltered-workshop", "public-benefit", "charter", "business-convention", "esf-plus"] {
            #expect(termbase.concept(id: id) != nil, "missing \(id)")
        }
    }

    /// The terminologist's corrections (issue 13): each one, so that none comes back.
    @Test("the expert corrections stay in: Belgian and Luxembourg law, statutory names, false friends")
    func expertCorrections() throws {
        let termbase = try GlossaryLoader().load(paths: [Corpus.projectFile("glossaries")])
        func terms(_ id: String, _ language: String) -> [Term] { termbase.concept(id: id)?.section(language)?.terms ?? [] }
        func notes(_ id: String) -> String {
            guard let concept = termbase.concept(id: id) else { return "" }
            return (concept.notes + concept.languages.flatMap(\.notes)).joined(separator: " ")
        }
        let volontariat = terms("volunteering", "fr").filter { $0.text == "volontariat" }
        #expect(volontariat.map { "\($0.status) \($0.regions)" }.sorted() == ["deprecated [\"FR\", \"LU\"]", "preferred [\"BE\"]"])
        #expect(terms("volunteering", "de").contains { $0.text == "bürgerschaftliches Engagement" && $0.note?.contains("Broader") == true })
        #expect(terms("sheltered-workshop", "de").contains { $0.text == "Beschützende Werkstätte" && $0.status == .preferred && $0.regions == ["BE"] })
        #expect(termbase.concept(id: "sheltered-workshop")?.section("de")?.equivalence == .partial)
        for id in ["non-profit-association-be-lu", "foundation"] {
            #expect(notes(id).contains("7 August 2023") && !notes(id).contains("amended law of 21 April 1928"), "\(id)")
        }
        #expect(terms("non-profit-association-be-lu", "fr").contains { $0.text == "a.s.b.l." && $0.regions == ["LU"] })
        #expect(!notes("social-solidarity-economy").contains("2013-2018") && notes("social-solidarity-economy").contains("12 December 2016"))
        #expect(termbase.concept(id: "social-solidarity-economy")?.section("de")?.paraphrase?.contains("gemeinwohlorientierte Unternehmen") == true)
        #expect(termbase.concept(id: "local-development")?.languages.flatMap(\.definitions).allSatisfy { !($0.source ?? "").contains("2021/1060") } == true)
        #expect(termbase.concept(id: "community-led-local-development")?.section("en")?.terms.contains { $0.text == "CLLD" } == true)
        #expect(termbase.concept(id: "public-benefit")?.section("fr")?.definitions.allSatisfy { !$0.text.contains("collectivité publique") } == true)
        let scop = Set(terms("workers-cooperative", "fr").map(\.text))
        #expect(scop.isSuperset(of: ["société coopérative de production", "société coopérative de travailleurs", "Scop"]))
        #expect(terms("adapted-enterprise", "de").contains { $0.text == "Integrationsprojekt" && $0.status == .superseded })
        #expect(!terms("incubator", "fr").contains { $0.text == "pépinière d'entreprises" })
        #expect(terms("business-convention", "en").first { $0.status == .preferred }?.text == "B2B matchmaking event")
        #expect(terms("greater-region", "fr").contains { $0.text == "Grande-Région" && $0.status == .deprecated })
        #expect(termbase.concept(id: "short-supply-chain")?.section("de")?.equivalence == .close)
        // German-speaking Belgium, Luxembourg, Germany and France, as the cluster meets them.
        for id in ["saace", "service-voucher-be", "cisp", "approved-cooperative-be", "continuing-education-be", "uless", "impact-share",
                   "return-share", "independent-welfare-sector", "energy-cooperative", "citizen-energy-company", "send",
                   "business-employment-cooperative", "work-integration-structure", "geiq", "finansol-label", "spaser"] {
            #expect(termbase.concept(id: id) != nil, "missing \(id)")
        }
    }

    @Test("lint catches a planted duplicate, a broken relation, a missing language and two preferred terms")
    func plantedErrors() throws {
        var termbase = try Self.bundled()
        termbase.concepts[1].languages[0].terms.append(Term("Economie sociale", status: .admitted))
        termbase.concepts[1].relations.append(ConceptRelation(.related, "no-such-concept"))
        termbase.concepts[2].languages.removeAll { $0.language == "en" }
        termbase.concepts[3].languages[0].terms.append(Term("développement territorial local", status: .preferred))
        let rules = Set(try GlossaryLinter().lint(termbase).map(\.rule))
        #expect(rules.isSuperset(of: ["duplicate-term", "broken-relation", "missing-language", "several-preferred-terms"]), "\(rules)")
    }

    @Test("a term in use for two concepts is flagged; a deprecated pointer to the other concept is not")
    func sharedTerms() throws {
        func concept(_ id: String, _ term: Term) -> Concept {
            Concept(id: id, languages: [LanguageSection(language: "de", terms: [Term(id, status: .preferred), term])])
        }
        let linter = GlossaryLinter(requiredLanguages: ["de"])
        let deprecated = Termbase(concepts: [concept("ess", Term("Philanthropie", status: .deprecated)),
                                             concept("philanthropy", Term("philanthropie", status: .admitted))])
        #expect(try linter.lint(deprecated).isEmpty)
        let shared = Termbase(concepts: [concept("ess", Term("Philanthropie", status: .admitted)),
                                         concept("philanthropy", Term("philanthropie", status: .admitted))])
        #expect(try linter.lint(shared).map(\.rule) == ["shared-term", "shared-term"])
    }

    @Test("regional preferred terms with distinct regions are not a conflict")
    func regionalPreferred() throws {
        let concept = Concept(id: "non-profit", languages: [
            LanguageSection(language: "fr", terms: [Term("association", status: .preferred, regions: ["FR", "LU"]),
                                                    Term("ASBL", status: .preferred, regions: ["BE"])]),
        ])
        let findings = try GlossaryLinter(requiredLanguages: ["fr"]).lint(Termbase(concepts: [concept]))
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("one word with a status per region is not a duplicate; a preferred term without region is the default beside regional ones")
    func statusPerRegion() throws {
        func lint(_ terms: [Term]) throws -> [String] {
            let concept = Concept(id: "volunteering", languages: [LanguageSection(language: "fr", terms: terms)])
            return try GlossaryLinter(requiredLanguages: ["fr"]).lint(Termbase(concepts: [concept])).map(\.rule)
        }
        let belgian = Term("volontariat", status: .preferred, regions: ["BE"])
        #expect(try lint([Term("bénévolat", status: .preferred), belgian, Term("volontariat", status: .deprecated, regions: ["FR", "LU"])]).isEmpty)
        #expect(try lint([Term("bénévolat", status: .preferred), belgian, Term("Volontariat", status: .deprecated, regions: ["BE", "LU"])]) == ["duplicate-term"])
        #expect(try lint([Term("bénévolat", status: .preferred), Term("volontariat", status: .preferred)]) == ["several-preferred-terms"])
    }

    @Test("lookup ignores case, accents and inflection")
    func lookup() throws {
        let lookup = try TermLookup(termbase: try Self.bundled())
        #expect(try lookup.find("economies sociales", language: "fr").first?.conceptID == "social-economy")
        #expect(try lookup.find("ÉCONOMIE SOCIALE").first?.term.text == "économie sociale")
        #expect(try lookup.find("Sozialunternehmertums").first?.conceptID == "social-entrepreneurship")
        let partial = try lookup.find("solidaire", language: "fr")
        #expect(partial.contains { $0.conceptID == "social-solidarity-economy" && !$0.isExact })
        #expect(try lookup.find("astronomie").isEmpty)
    }

    @Test("German list: collation order and sections, phonebook variant")
    func germanIndex() throws {
        var termbase = try Self.bundled()
        termbase.concepts.append(Concept(id: "x", languages: [LanguageSection(language: "de", terms: [
            Term("Ärger", status: .preferred), Term("Aerger"), Term("Azur"), Term("Öko"),
        ])]))
        let standard = try TermIndex(termbase: termbase, language: "de")
        let texts = standard.entries.map(\.term.text)
        #expect(texts.firstIndex(of: "Aerger")! < texts.firstIndex(of: "Ärger")!)
        #expect(texts.firstIndex(of: "Ärger")! < texts.firstIndex(of: "Azur")!)
        let labels = try standard.sections().map(\.label)
        #expect(labels == labels.sorted() && !labels.contains("Ä") && !labels.contains("Ö"))
        let phonebook = try TermIndex(termbase: termbase, language: "de", collation: "phonebook")
        let phone = phonebook.entries.map(\.term.text)
        #expect(phone.firstIndex(of: "Ärger")! < phone.firstIndex(of: "Azur")!)
        let preferredOnly = try TermIndex(termbase: termbase, language: "de", statuses: [.preferred])
        #expect(preferredOnly.entries.allSatisfy { $0.term.status == .preferred })
    }

    @Test("French sections put É under E")
    func frenchSections() throws {
        let termbase = Termbase(concepts: [Concept(id: "a", languages: [LanguageSection(language: "fr", terms: [
            Term("économie", status: .preferred), Term("Europe"), Term("entreprise"), Term("association"),
        ])])])
        let sections = try TermIndex(termbase: termbase, language: "fr").sections()
        #expect(sections.map(\.label) == ["A", "E"])
        #expect(sections[1].entries.map(\.term.text) == ["économie", "entreprise", "Europe"])
    }
}

@Suite("Concept cards")
struct ConceptCardTests {
    @Test("a card shows IATE's reliability and notes as one clean line")
    func reliabilityAndNotes() {
        let concept = Concept(id: "IATE-1", notes: ["Council\n\t\tof   Europe"], languages: [
            LanguageSection(language: "en", terms: [Term("custody", status: .admitted, reliability: 3)]),
        ])
        let card = ConceptCard.text(concept)
        #expect(card.contains("  note: Council of Europe\n"), "\(card)")
        #expect(card.contains("custody  admitted, reliability 3/4"), "\(card)")
    }
}
