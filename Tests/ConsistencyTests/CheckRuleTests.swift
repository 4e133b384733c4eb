import Consistency
import Foundation
import Terminology
import TestSupport
import Testing

@Suite("passerelle check: rules on planted cases and real files")
struct CheckRuleTests {
    static let fixtures = "Tests/ConsistencyTests/Fixtures"
    static let termbase: Termbase = try! GlossaryLoader().load(paths: [Corpus.projectFile("glossaries")])

    static func check(_ files: [String], termbase: Termbase = termbase, rules: Set<CheckRule> = Set(CheckRule.allCases)) -> CheckReport {
        ConsistencyChecker(termbase: termbase, rules: rules).check(files: files.map { Corpus.projectFile($0) })
    }

    /// unit id -> rules found on it.
    static func rulesByUnit(_ report: CheckReport) -> [String: [String]] {
        Dictionary(grouping: report.findings, by: \.unit).mapValues { $0.map(\.rule.rawValue).sorted() }
    }

    @Test("fr -> de XLIFF 2: the planted cases give exactly the expected findings")
    func planted() throws {
        let report = Self.check(["\(Self.fixtures)/planted-fr-de.xlf"])
        #expect(report.problems.isEmpty && report.unitCount == 10)
        let found = Self.rulesByUnit(report)
        #expect(found == [
            "u1": ["missing-term"],      // l'entrepreneuriat social / Unternehmen
            "u2": ["deprecated-term"],   // ESS rendered Philanthropie: not accepted
            "u8": ["untranslated"],      // empty target
            "u9": ["untranslated"],      // copy of the source
            "u10": ["inconsistent-term"], // ESS rendered two ways (u5, u10)
        ], "\(found)")
        // u3: "essais" is not the acronym ESS; u4: "lokalen Entwicklung"; u5: suspended hyphen;
        // u6: "Sozialwirtschaftsunternehmen" contains "Sozialwirtschaft"; u7: a term split by <pc>.
        let deprecated = try #require(report.findings.first { $0.unit == "u2" })
        #expect(deprecated.conceptID == "social-solidarity-economy" && deprecated.targetTerm == "Philanthropie"
                && deprecated.sourceTerm == "économie sociale et solidaire" && deprecated.severity == .error && deprecated.line == 5)
        let inconsistent = try #require(report.findings.first { $0.unit == "u10" })
        #expect(inconsistent.severity == .warning && inconsistent.message.contains("'Sozial- und Solidarwirtschaft' in 1 other unit(s)"))
        #expect(inconsistent.target?.contains("soziale und solidarische Wirtschaft") == true, "the report shows the unit's texts")
        #expect(report.hasErrors)
    }

    @Test("de -> fr TMX in UTF-16 with a BOM works the same way; native codes are not text")
    func tmx() {
        let report = Self.check(["\(Self.fixtures)/planted-de-fr.tmx"])
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(Self.rulesByUnit(report) == ["t1": ["missing-term"], "t2": ["missing-term"], "t4": ["untranslated"]], "\(Self.rulesByUnit(report))")
        #expect(report.findings.allSatisfy { $0.sourceLanguage == "de" && $0.targetLanguage == "fr" })
    }

    @Test("XLIFF 1.2: g keeps its text, x/bpt/ept/ph are not text, alt-trans is ignored")
    func xliff12InlineCodes() {
        let report = Self.check(["\(Self.fixtures)/inline-fr-de.xlf"])
        #expect(report.unitCount == 2 && report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test("Okapi's prefixed XLIFF 1.2 (<x:xliff>) is read, and translate=\"no\" units are not checked")
    func prefixedXLIFF() throws {
        let report = ConsistencyChecker(termbase: Self.termbase).check(files: [try Corpus.path("okapi-testdata/xliff12/NSTest01.xlf")])
        #expect(report.problems.isEmpty && report.unitCount == 1, "\(report.problems)")
        #expect(report.findings.map(\.unit) == ["1"] && report.findings.first?.rule == .untranslated)
    }

    @Test("only the asked rules run; warnings alone are not errors")
    func ruleSelection() {
        let report = Self.check(["\(Self.fixtures)/planted-fr-de.xlf"], rules: [.inconsistentTerm])
        #expect(report.findings.map(\.unit) == ["u10"] && !report.hasErrors)
    }

    @Test("Symfony's real en -> fr/de validator messages against a glossary written for them")
    func symfony() throws {
        let glossary = try GlossaryLoader().load(paths: [Corpus.projectFile("\(Self.fixtures)/symfony-glossary.xml")])
        let fr = try Corpus.path("symfony-validator-xliff12/validators.fr.xlf")
        let de = try Corpus.path("symfony-validator-xliff12/validators.de.xlf")
        let report = ConsistencyChecker(termbase: glossary, rules: [.missingTerm, .deprecatedTerm, .untranslated]).check(files: [fr, de])
        #expect(report.problems.isEmpty && report.unitCount == 232)
        // The translators rendered "value" freely in a few messages ("Cette langue", "Diese Zahl"):
        // exactly those are reported, nothing else.
        let french = report.findings.filter { $0.file == fr }.map(\.unit)
        #expect(french == ["19", "21", "38", "39", "40", "48"], "\(french)")
        let german = report.findings.filter { $0.file == de }.map(\.unit)
        #expect(german == ["19", "21", "88", "89", "90", "91"], "\(german)")
        #expect(report.findings.allSatisfy { $0.rule == .missingTerm && $0.conceptID == "value" })
        // "Datei" / "Dateityp", "fichier", "caractères", "E-Mail-Adresse", "IBAN" are all found.
    }

    @Test("the bundled content, checked fr -> de and fr -> en, is consistent with the bundled termbase")
    func bundledContent() {
        let report = Self.check(["content/charter.xml", "content/newsletter-2019-07.xml", "content/newsletter-2021-01.xml"])
        #expect(report.problems.isEmpty && report.unitCount == 159)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.location) \($0.rule) \($0.message)" })")
    }

    @Test("a concept with several sections in one language: the unit's regional tag picks the section")
    func regionalSections() throws {
        var concept = Concept(id: "social-economy", languages: [
            LanguageSection(language: "fr", terms: [Term("économie sociale", status: .preferred)]),
            LanguageSection(language: "de-DE", terms: [Term("Sozialwirtschaft", status: .preferred)]),
            LanguageSection(language: "de-AT", terms: [Term("Sozialökonomie", status: .preferred)]),
        ])
        concept.languages[2].equivalence = Equivalence.none
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-regional-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func file(_ target: String) throws -> String {
            let path = "\(folder)/fr-\(target).xlf"
            try """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr" target-language="\(target)" datatype="plaintext" original="t"><body>
            <trans-unit id="1"><source>Le réseau de l'économie sociale grandit.</source><target>Das Netzwerk wächst.</target></trans-unit>
            </body></file></xliff>
            """.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let report = ConsistencyChecker(termbase: Termbase(concepts: [concept]), rules: [.missingTerm]).check(files: [try file("de-DE"), try file("de-AT")])
        // de-DE has a term to use; de-AT has no equivalent, so nothing is missing there.
        #expect(report.findings.map(\.file) == ["\(folder)/fr-de-DE.xlf"], "\(report.findings)")
    }

    @Test("the bundled termbase: statuses per region, a hyphenated spelling, terms of another country's institution")
    func bundledRegionalTerms() throws {
        let folder = try TemporaryFolder.make("regional")
        defer { TemporaryFolder.remove(folder) }
        let path = folder.appendingPathComponent("regional.xlf").path
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="fr" source-language="de" target-language="fr-FR" datatype="plaintext"><body>
        <trans-unit id="hyphen"><source>Die Großregion wächst.</source><target>La Grande-Région grandit.</target></trans-unit>
        <trans-unit id="spaced"><source>Die Großregion wächst.</source><target>La Grande Région grandit.</target></trans-unit>
        <trans-unit id="fr-volontariat"><source>Das Ehrenamt zählt.</source><target>Le volontariat compte.</target></trans-unit>
        <trans-unit id="fr-benevolat"><source>Das Ehrenamt zählt.</source><target>Le bénévolat compte.</target></trans-unit>
        <trans-unit id="lu-asbl"><source>Eine Vereinigung ohne Gewinnerzielungsabsicht.</source><target>Une a.s.b.l. luxembourgeoise.</target></trans-unit>
        </body></file>
        <file original="be" source-language="de" target-language="fr-BE" datatype="plaintext"><body>
        <trans-unit id="be-volontariat"><source>Das Ehrenamt zählt.</source><target>Le volontariat compte.</target></trans-unit>
        <trans-unit id="be-benevolat"><source>Das Ehrenamt zählt.</source><target>Le bénévolat compte.</target></trans-unit>
        </body></file>
        </xliff>
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let report = ConsistencyChecker(termbase: Self.termbase, rules: [.missingTerm, .deprecatedTerm]).check(files: [path])
        #expect(report.unitCount == 7)
        #expect(Self.rulesByUnit(report) == ["hyphen": ["deprecated-term"], "fr-volontariat": ["deprecated-term"]], "\(report.findings.map(\.message))")
        #expect(report.findings.contains { $0.message.contains("use 'bénévolat'") })
    }

    @Test("an unreadable file is reported with file:line:column and the others are still checked")
    func badFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-check-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let broken = "\(folder)/broken.xlf"
        try "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"fr\">\n<file id=\"f\"><unit id=\"1\">\n</xliff>\n"
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let files = [broken, Corpus.projectFile("\(Self.fixtures)/planted-fr-de.xlf")]
        let checker = ConsistencyChecker(termbase: Self.termbase)
        let report = checker.check(files: files)
        #expect(!report.problems.isEmpty && report.problems.allSatisfy { $0.file == broken }, "\(report.problems)")
        #expect(report.problems[0].line == 4 && report.problems[0].column == 1, "\(report.problems)")
        #expect(report.unitCount == 10)
        // Files read ahead (while a glossary loads) give the same report.
        let prefetched = ConsistencyChecker.check(files: files, reader: checker.reader) { checker }
        #expect(prefetched.findings == report.findings && prefetched.problems == report.problems && prefetched.unitCount == 10)
    }
}
