@testable import Consistency
import Terminology
import Testing

/// Each per-unit rule on its own, one suite per rule type (as Sources/Consistency/Rules has
/// one file per rule), run by ``UnitChecker`` with that rule alone on a small termbase.
enum UnitRuleTests {
    static let termbase = Termbase(concepts: [
        Concept(id: "volunteering", languages: [
            LanguageSection(language: "de", terms: [Term("Ehrenamt", status: .preferred)]),
            LanguageSection(language: "fr", terms: [
                Term("bénévolat", status: .preferred),
                Term("volontariat", status: .preferred, regions: ["BE"]),
                Term("volontariat", status: .deprecated, regions: ["FR", "LU"]),
            ]),
        ]),
        Concept(id: "greater-region", languages: [
            LanguageSection(language: "de", terms: [Term("Großregion", status: .preferred), Term("SaarLorLux", status: .deprecated)]),
            LanguageSection(language: "fr", terms: [
                Term("Grande Région", status: .preferred), Term("Grande-Région", status: .deprecated),
                Term("SaarLorLux", status: .deprecated), Term("Lotharingie", status: .deprecated, isForbidden: true),
            ]),
        ]),
        Concept(id: "asbl", languages: [
            LanguageSection(language: "de", terms: [Term("Vereinigung ohne Gewinnerzielungsabsicht", status: .preferred)]),
            LanguageSection(language: "fr", terms: [Term("a.s.b.l.", status: .preferred, regions: ["LU"], exactMatch: true)]),
        ]),
    ])

    /// The findings of `rule` alone on one unit de -> `target language`.
    static func findings(_ rule: CheckRule, source: String, target: String?, language: String = "fr-FR") throws -> [Finding] {
        let checker = UnitChecker(concepts: termbase.concepts, rules: [rule],
                                  dictionaries: DictionaryCache(termbase: termbase, strength: .primary), masker: try TextMasker())
        let unit = BilingualUnit(file: "t.xlf", id: "1", line: 1, sourceLanguage: "de", targetLanguage: language, source: source, target: target)
        return try checker.check(unit)
    }

    @Suite("UntranslatedRule")
    struct Untranslated {
        @Test("no target, an empty one, a copy of the source: reported; a name or one word copied is not")
        func cases() throws {
            #expect(try findings(.untranslated, source: "Das Ehrenamt zählt.", target: nil).map(\.message) == ["no fr-FR translation"])
            #expect(try findings(.untranslated, source: "Das Ehrenamt zählt.", target: "  ").count == 1)
            #expect(try findings(.untranslated, source: "Das Ehrenamt zählt.", target: "das  ehrenamt zählt.").count == 1)
            #expect(try findings(.untranslated, source: "Metz, Arsenal", target: "Metz, Arsenal").isEmpty)
            #expect(try findings(.untranslated, source: "Cluster", target: "Cluster").isEmpty)
        }
    }

    @Suite("MissingTermRule")
    struct Missing {
        @Test("a concept of the source without its term in the target; a term of another country's only terms counts")
        func cases() throws {
            let missing = try findings(.missingTerm, source: "Das Ehrenamt zählt.", target: "L'engagement compte.")
            #expect(missing.map(\.targetTerm) == ["bénévolat"] && missing.first?.message.contains("none of 'bénévolat'") == true)
            #expect(try findings(.missingTerm, source: "Das Ehrenamt zählt.", target: "Le bénévolat compte.").isEmpty)
            #expect(try findings(.missingTerm, source: "Eine Vereinigung ohne Gewinnerzielungsabsicht.", target: "Une a.s.b.l. luxembourgeoise.").isEmpty)
        }
    }

    @Suite("DeprecatedTermRule")
    struct Deprecated {
        @Test("a status per region: deprecated in France, preferred in Belgium; a hyphenated spelling told apart")
        func cases() throws {
            let france = try findings(.deprecatedTerm, source: "Das Ehrenamt zählt.", target: "Le volontariat compte.")
            #expect(france.first?.message.contains("use 'bénévolat'") == true && france.count == 1)
            #expect(try findings(.deprecatedTerm, source: "Das Ehrenamt zählt.", target: "Le volontariat compte.", language: "fr-BE").isEmpty)
            #expect(try findings(.deprecatedTerm, source: "Die Großregion wächst.", target: "La Grande-Région grandit.").map(\.targetTerm) == ["Grande-Région"])
            #expect(try findings(.deprecatedTerm, source: "Die Großregion wächst.", target: "La Grande Région grandit.").isEmpty)
        }
    }

    @Suite("SourceDeprecatedTermRule")
    struct SourceDeprecated {
        @Test("the source's own deprecated term, with the term to prefer")
        func cases() throws {
            let found = try findings(.sourceDeprecatedTerm, source: "SaarLorLux wächst.", target: "La Grande Région grandit.")
            #expect(found.map(\.message) == ["the source uses 'SaarLorLux', a deprecated term for greater-region; prefer 'Großregion'"])
        }
    }

    @Suite("DeprecatedTermAnywhereRule")
    struct Anywhere {
        @Test("a deprecated term of a concept the source does not name is a warning; a forbidden one an error")
        func cases() throws {
            let stray = try findings(.deprecatedTermAnywhere, source: "Das Ehrenamt zählt.", target: "Le bénévolat compte dans la SaarLorLux.")
            #expect(stray.map(\.severity) == [.warning] && stray.first?.message.contains("write 'Grande Région'") == true)
            let forbidden = try findings(.forbiddenTerm, source: "Das Ehrenamt zählt.", target: "Le bénévolat compte en Lotharingie.")
            #expect(forbidden.map(\.severity) == [.error])
        }
    }

    @Suite("NumberMismatchRule")
    struct Numbers {
        @Test("numbers that differ, in figures or words; the same numbers pass")
        func cases() throws {
            #expect(try findings(.numberMismatch, source: "80 Unternehmen", target: "85 entreprises").count == 1)
            #expect(try findings(.numberMismatch, source: "80 Unternehmen", target: "80 entreprises").isEmpty)
        }
    }

    @Suite("InconsistentTermRule")
    struct Inconsistent {
        @Test("each unit's accepted rendering is recorded for the concept; short forms are not")
        func cases() throws {
            let checker = UnitChecker(concepts: termbase.concepts, rules: [.inconsistentTerm],
                                      dictionaries: DictionaryCache(termbase: termbase, strength: .primary), masker: try TextMasker())
            for (id, target) in [("1", "Le bénévolat compte."), ("2", "Le volontariat compte.")] {
                _ = try checker.check(BilingualUnit(file: "t.xlf", id: id, line: 1, sourceLanguage: "de", targetLanguage: "fr-BE",
                                                    source: "Das Ehrenamt zählt.", target: target))
            }
            let findings = TermRenderings.inconsistencies([checker.renderings], concepts: termbase.concepts)
            #expect(findings.map(\.rule) == [.inconsistentTerm], "\(findings.map(\.message))")
        }
    }
}
