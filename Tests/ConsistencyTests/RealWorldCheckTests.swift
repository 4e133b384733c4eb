import Consistency
import Foundation
import Terminology
import TestSupport
import Testing

/// The causes of false alarms seen on real CAT-tool files, each on a text written for it,
/// and real translations by others (Symfony, OCA/Weblate, Okapi's CAT-tool files) with
/// glossaries written for them.
@Suite("passerelle check on real-world text: precision")
struct RealWorldCheckTests {
    static let folder = "Tests/ConsistencyTests/Fixtures/real-world"
    static let glossary: Termbase = try! GlossaryLoader().load(paths: [Corpus.projectFile("\(folder)/real-world-glossary.xml")])

    static func check(_ file: String, termbase: Termbase = glossary, configure: (inout ConsistencyChecker) -> Void = { _ in }) -> CheckReport {
        var checker = ConsistencyChecker(termbase: termbase)
        configure(&checker)
        return checker.check(files: [file.hasPrefix("/") ? file : Corpus.projectFile("\(folder)/\(file)")])
    }

    /// "unit#segment rule" of every finding, in order.
    static func found(_ report: CheckReport) -> [String] {
        report.findings.map { "\($0.displayUnit) \($0.rule.rawValue)" }
    }

    /// Writes an XLIFF 1.2 file (en -> fr) holding `units` (trans-unit elements) into `folder`.
    static func writeXLIFF(_ units: String, in folder: URL, named name: String) throws -> String {
        let file = folder.appendingPathComponent(name).path
        try """
        <?xml version="1.0"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" target-language="fr" datatype="plaintext"><body>
        \(units)
        </body></file></xliff>
        """.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    static func matches(_ text: String, _ language: String, nested: Bool = false) throws -> [String] {
        try TermMatcher(termbase: glossary, language: language).matches(in: text, nested: nested).flatMap { $0.entries.map(\.conceptID) }
    }

    @Test("en -> fr: no-break spaces, nested terms, placeholders, markup, MessageFormat, verbs, number words; only the planted errors")
    func frenchCauses() {
        let report = Self.check("causes-en-fr.xlf")
        #expect(report.problems.isEmpty && report.unitCount == 16, "\(report.problems)")
        #expect(Self.found(report) == [
            "verb-imperative inconsistent-term",     // téléverser beside transférer: two accepted terms, a warning
            "error-deprecated-verb deprecated-term", // "Téléchargez": a form of the deprecated verb, not a missing term
            "error-number number-mismatch",
            "error-missing missing-term",
        ], "\(Self.found(report))")
        #expect(report.findings.filter { $0.severity == .error }.allSatisfy { $0.unit.hasPrefix("error-") })
        #expect(report.findings.first { $0.rule == .deprecatedTerm }?.targetTerm == "Téléchargez")
    }

    @Test("en -> de: participles, compound heads, deprecated and forbidden terms anywhere, number words; a duplicate id is a notice")
    func germanCauses() throws {
        let report = Self.check("causes-en-de.xlf")
        #expect(report.problems.isEmpty && report.unitCount == 11, "\(report.problems)")
        #expect(Self.found(report) == ["error-anywhere deprecated-term-anywhere", "error-forbidden forbidden-term"], "\(Self.found(report))")
        let forbidden = try #require(report.findings.first { $0.rule == .forbiddenTerm })
        #expect(forbidden.severity == .error && forbidden.targetTerm == "File" && forbidden.message.contains("'Datei'"))
        #expect(report.findings.first { $0.rule == .deprecatedTermAnywhere }?.severity == .warning)
        #expect(report.notices.count == 1 && report.notices[0].message.contains("'twelve' is already used") && report.notices[0].severity == .warning)
    }

    @Test("the matcher: U+202F, U+00A0, U+2007 and U+2060 separate words; target terms nested in longer ones are found")
    func matcher() throws {
        for space in ["\u{202F}", "\u{00A0}", "\u{2007}", "\u{2060}"] {
            #expect(try Self.matches("L’ESS\(space): oui", "fr") == ["ess"], "U+\(String(space.unicodeScalars.first!.value, radix: 16))")
        }
        #expect(try Self.matches("une demande de souscription", "fr") == ["subscription-request"])
        #expect(try Self.matches("une demande de souscription", "fr", nested: true) == ["subscription-request", "subscription"])
        #expect(try Self.matches("Die Datei wurde gespeichert und hochgeladen.", "de") == ["file", "save", "upload"])
        #expect(try Self.matches("Bildhöhe, Mindesthöhe, Fremdwährung, Leitwährungen", "de") == ["height", "height", "currency", "currency"])
        // A verb term stands for its noun ("téléchargement": the deprecated "télécharger");
        // a noun term does not stand for other derivations ("souscrites" is not "souscription").
        #expect(try Self.matches("le téléchargement, le transfert", "fr") == ["upload"])
        #expect(try Self.matches("les parts souscrites", "fr").isEmpty)
        // Conjugated forms whose Snowball stem is not the infinitive's.
        #expect(try Self.matches("Nous téléversons, ils transfèrent, vous transférez", "fr") == ["upload", "upload", "upload"])
        #expect(try Self.matches("Die App speichert, sie speicherte, um hochzuladen, abspeichern", "de") == ["save", "save", "upload", "save"])
        #expect(try Self.matches("Het bestand is geüpload.", "nl") == ["file", "upload"])
        // An English term in -ing is an activity: "volunteers" are people.
        #expect(try Self.matches("Volunteers helped.", "en").isEmpty)
        #expect(try Self.matches("Volunteering helps.", "en") == ["volunteering"])
    }

    @Test("numbers: dates and versions in another locale's order, thousands and decimals, leading zeros")
    func numbers() throws {
        let cases: [(String, String, Bool)] = [
            ("on 05/14/2024", "am 14.05.2024", true), ("2,500.50 EUR", "2 500,50 EUR", true), ("1,234,567.89", "1.234.567,89", true),
            ("version 1.2.3", "version 1.2.3", true), ("3 files", "trois fichiers", true), ("2 files", "3 fichiers", false),
            ("in 2(32)", "en 232", false), ("10 and 3", "3 et 10", true),
        ]
        let folder = try TemporaryFolder.make("numbers")
        defer { TemporaryFolder.remove(folder) }
        var units = ""
        for (index, (source, target, _)) in cases.enumerated() {
            units += "<trans-unit id=\"n\(index)\"><source>\(source)</source><target>\(target)</target></trans-unit>\n"
        }
        let file = try Self.writeXLIFF(units, in: folder, named: "numbers.xlf")
        let flagged = Set(ConsistencyChecker(termbase: Self.glossary, rules: [.numberMismatch]).check(files: [file]).findings.map(\.unit))
        for (index, (source, target, same)) in cases.enumerated() {
            #expect(flagged.contains("n\(index)") == !same, "\(source) / \(target)")
        }
    }

    @Test("a copied name is no untranslated text, a copied sentence is")
    func copiedNames() throws {
        let folder = try TemporaryFolder.make("names")
        defer { TemporaryFolder.remove(folder) }
        let file = try Self.writeXLIFF("""
            <trans-unit id="place"><source>Metz, Arsenal</source><target>Metz, Arsenal</target></trans-unit>
            <trans-unit id="town"><source>Mont-Saint-Martin (Meurthe-et-Moselle)</source><target>Mont-Saint-Martin (Meurthe-et-Moselle)</target></trans-unit>
            <trans-unit id="sentence"><source>The members meet in Metz</source><target>The members meet in Metz</target></trans-unit>
            """, in: folder, named: "names.xlf")
        let report = ConsistencyChecker(termbase: Self.glossary, rules: [.untranslated]).check(files: [file])
        #expect(report.findings.map(\.unit) == ["sentence"])
    }

    @Test("a TMX with several target languages gives a unit per language; a forbidden term of the source's concept is forbidden-term")
    func multilingualTMXAndForbidden() throws {
        let folder = try TemporaryFolder.make("tmx")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("three.tmx").path
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
        <tu tuid="t1"><tuv xml:lang="en"><seg>The file.</seg></tuv><tuv xml:lang="fr-FR"><seg>Le fichier.</seg></tuv><tuv xml:lang="de-DE"><seg>Das File.</seg></tuv></tu>
        </body></tmx>
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let report = ConsistencyChecker(termbase: Self.glossary).check(files: [file])
        #expect(report.unitCount == 2)
        #expect(report.findings.map { "\($0.targetLanguage) \($0.rule.rawValue)" } == ["de-DE forbidden-term"], "\(report.findings.map(\.message))")
    }

    @Test("regions: a fr-BE text accepts the Belgian term and refuses the French one, and the other way round")
    func regions() {
        let report = Self.check("regions.xlf")
        #expect(Self.found(report) == ["error-be-loi-1901 missing-term", "error-fr-volontariat deprecated-term"], "\(Self.found(report))")
        #expect(report.findings.first?.message.contains("'association loi 1901' is the term in FR, not in BE") == true)
    }

    @Test("SDLXLIFF: one finding per segment, with Trados's segment number and column; locked segments skipped unless asked")
    func trados() throws {
        let report = Self.check("trados.sdlxliff")
        #expect(report.unitCount == 2 && report.skippedUnits == 1)
        let finding = try #require(report.findings.first)
        #expect(Self.found(report) == ["0c7d2b1e-1#3 missing-term"] && finding.state == .initial && finding.line == 10 && finding.column > 1,
                "\(Self.found(report)) \(finding.location)")
        let locked = Self.check("trados.sdlxliff") { $0.includeLocked = true }
        #expect(Self.found(locked) == ["0c7d2b1e-1#2 missing-term", "0c7d2b1e-1#3 missing-term"], "\(Self.found(locked))")
        let confirmed = Self.check("trados.sdlxliff") { $0.states = [.translated, .reviewed, .final] }
        #expect(confirmed.findings.isEmpty && confirmed.skippedUnits == 2)
    }

    @Test("memoQ and Phrase: states and locks on the unit; a German verb split in a main clause counts")
    func memoQAndPhrase() {
        let memoQ = Self.check("memoq.mqxliff")
        // 2: "Laden Sie das Dokument hoch" has the verb but not "Datei"; 3 is locked.
        #expect(Self.found(memoQ) == ["2 missing-term", "4 missing-term"] && memoQ.skippedUnits == 1, "\(Self.found(memoQ))")
        #expect(memoQ.findings.allSatisfy { $0.conceptID == "file" })
        let confirmed = Self.check("memoq.mqxliff") { $0.states = [.translated, .reviewed] }
        #expect(Self.found(confirmed) == ["4 missing-term"] && confirmed.findings.first?.state == .reviewed)
        let phrase = Self.check("phrase.mxliff")
        #expect(Self.found(phrase) == ["p0 missing-term"] && phrase.skippedUnits == 1 && phrase.findings.first?.state == .translated)
    }

    @Test("XLIFF 2.2 (Phrase TMS, Okapi) is read like 2.0/2.1: segments, states, pgs; a wrong version is refused naming the versions")
    func xliff22() throws {
        let report = Self.check("xliff22-en-fr.xlf")
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(Self.found(report) == ["u1#s2 missing-term", "u1#s2 missing-term"] && report.findings.allSatisfy { $0.state == .final })
        let folder = try TemporaryFolder.make("xliff22")
        defer { TemporaryFolder.remove(folder) }
        let original = try String(contentsOfFile: Corpus.projectFile("\(Self.folder)/xliff22-en-fr.xlf"), encoding: .utf8)
        let cases = [
            ("version", original.replacingOccurrences(of: "version=\"2.2\"", with: "version=\"2.1\""), "version must be 2.2"),
            ("case", original.replacingOccurrences(of: "pgs:case=\"one\"", with: "pgs:case=\"one other\""), "pgs:case has 2 value(s)"),
            ("notes", original.replacingOccurrences(of: "  <file id=\"f1\">", with: "  <file id=\"f0\"><unit id=\"x\"><segment><source>x</source></segment></unit></file><notes><note>late</note></notes>\n  <file id=\"f1\">"), "out of place"),
            ("old", original.replacingOccurrences(of: "document:2.2", with: "document:2.0"), "version 2.2 needs the XLIFF 2.2 namespace"),
        ]
        for (name, text, expected) in cases {
            let file = folder.appendingPathComponent("\(name).xlf").path
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let problems = Self.check(file).problems
            #expect(problems.contains { $0.message.contains(expected) && $0.line > 0 }, "\(name): \(problems)")
        }
    }

    @Test("Dutch (Snowball) and Luxembourgish (elision d', endings by rule) match inflected forms")
    func dutchAndLuxembourgish() {
        let report = Self.check("nl-lb.tmx")
        #expect(Self.found(report) == ["error-lb-missing missing-term"], "\(Self.found(report))")
    }

    @Test("masks: placeholders, markup, URLs, e-mail addresses and code are blanked out, MessageFormat case texts kept")
    func masks() throws {
        let masker = TextMasker.standard
        for text in ["{{ file }}", "{0}", "{name}", "%s", "%1$s", "%(name)s", "%count%", "$var", "${x}", "<b>", "</a>", "<a href=\"x\">",
                     "&lt;b&gt;", "&amp;", "&#160;", "https://example.org/file?x=1", "www.example.org", "info@example.org", "`file`"] {
            #expect(masker.mask("a \(text) b") == "a \(String(repeating: " ", count: text.utf8.count)) b", "\(text)")
        }
        #expect(masker.mask("{n, plural, one {# file} other {# files}}").split(separator: " ") == ["file", "files"])
        // Prose stays: a percentage, a price, an address without scheme, a lone brace.
        for prose in ["50 % des membres", "$5 only", "a { lone brace", "a.b@c", "3 < 4 > 2"] {
            #expect(masker.mask(prose) == prose, "\(prose)")
        }
        // Unclosed arguments inside each other (a hostile or broken file) are left as text,
        // each tried once: this took exponential time (24 levels: 8 s; 1,000 would never end).
        let unclosed = String(repeating: "{n, plural, one {", count: 1_000) + "file"
        #expect(masker.mask(unclosed).hasSuffix("file"))
        let deep = String(repeating: "{n, plural, one {", count: 40) + "the file" + String(repeating: "}}", count: 40)
        #expect(masker.mask(deep).utf8.count == deep.utf8.count, "nested past 32 levels: read as far as it goes, same length")
        let custom = try TextMasker(useDefaults: false, patterns: ["\\[[A-Z_]+\\]"])
        #expect(custom.mask("[NAME] {0}") == "       {0}")
        #expect(throws: ConsistencyError.self) { try TextMasker(patterns: ["(unclosed"]) }
    }

    @Test("reports mark the occurrence the matcher found, not the same letters in a URL before it")
    func markedOccurrence() throws {
        let folder = try TemporaryFolder.make("mark")
        defer { TemporaryFolder.remove(folder) }
        let file = try Self.writeXLIFF("""
            <trans-unit id="u"><source>See https://x.example/file, then the file.</source><target>Voir https://x.example/file, puis le document.</target></trans-unit>
            """, in: folder, named: "mark.xlf")
        let finding = try #require(Self.check(file).findings.first)
        let range = try #require(Finding.markedRange(of: finding.sourceTerm, in: finding.source, at: finding.sourceTermOffset))
        #expect(finding.source[range.upperBound...] == ".", "the second 'file' is marked")
        #expect(TextReporter.render(Self.check(file), colour: false).contains("en: See https://x.example/file, then the «file»."))
    }

    @Test("inconsistent-term: a 1 against 1 tie is reported on the unit that does not use the preferred term")
    func tie() throws {
        let folder = try TemporaryFolder.make("tie")
        defer { TemporaryFolder.remove(folder) }
        let file = try Self.writeXLIFF("""
            <trans-unit id="a"><source>Upload it.</source><target>Téléversez-le.</target></trans-unit>
            <trans-unit id="b"><source>Upload it.</source><target>Transférez-le.</target></trans-unit>
            """, in: folder, named: "tie.xlf")
        let report = ConsistencyChecker(termbase: Self.glossary, rules: [.inconsistentTerm]).check(files: [file])
        #expect(Self.found(report) == ["a inconsistent-term"], "\(Self.found(report))")
    }

    @Test("a baseline suppresses accepted findings until the source text changes")
    func baseline() throws {
        let first = Self.check("causes-en-fr.xlf")
        let folder = try TemporaryFolder.make("baseline")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("baseline.tsv").path
        let accepted = first.findings.filter { $0.unit != "error-missing" }
        try Baseline.text(of: accepted, file: file).write(toFile: file, atomically: true, encoding: .utf8)
        let second = Self.check("causes-en-fr.xlf") { $0.baseline = try? Baseline(file: file) }
        #expect(Self.found(second) == ["error-missing missing-term"] && second.suppressedCount == accepted.count)
        #expect(second.summary.contains("\(accepted.count) suppressed by the baseline"))
        // The source changes: the suppression expires.
        let changed = folder.appendingPathComponent("changed.xlf").path
        let text = try String(contentsOfFile: Corpus.projectFile("\(Self.folder)/causes-en-fr.xlf"), encoding: .utf8)
        try text.replacingOccurrences(of: "Upload 2 files.", with: "Upload 2 files now.").write(toFile: changed, atomically: true, encoding: .utf8)
        let lines = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: Baseline.relative(Corpus.projectFile("\(Self.folder)/causes-en-fr.xlf"), to: folder.path), with: "changed.xlf")
        try lines.write(toFile: file, atomically: true, encoding: .utf8)
        let third = Self.check(changed) { $0.baseline = try? Baseline(file: file) }
        #expect(Self.found(third).contains("error-number number-mismatch") && !Self.found(third).contains("error-deprecated-verb deprecated-term"))
        try "not a baseline line\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ConsistencyError.self) { try Baseline(file: file) }
    }

    // MARK: Real translations by others

    @Test("Symfony's validators en -> fr, de, lb: every error finding is a real term problem (read one by one)")
    func symfony() throws {
        let glossary = try GlossaryLoader().load(paths: [Corpus.projectFile("\(Self.folder)/symfony-terms.xml")])
        let checker = ConsistencyChecker(termbase: glossary, rules: [.missingTerm, .deprecatedTerm, .untranslated, .forbiddenTerm])
        var errors: [String: [String]] = [:]
        for language in ["fr", "de", "lb"] {
            let file = try Corpus.path("symfony-validator-xliff12/validators.\(language).xlf")
            let report = checker.check(files: [file])
            #expect(report.problems.isEmpty && report.unitCount == 116)
            errors[language] = report.findings.map { "\($0.unit) \($0.conceptID ?? $0.rule.rawValue)" }
        }
        // Each was read: the target does not use the agreed term ("Cette chaîne" for "This value",
        // "Le type du fichier" for "mime type", "téléchargement" for "uploaded" ...), or the
        // Luxembourgish file holds English copies.
        #expect(errors["fr"] == ["17 mime-type", "19 value", "21 value", "34 upload", "38 value", "39 value", "40 value", "48 value",
                                 "58 card-number", "87 element", "99 number"], "\(errors["fr"] ?? [])")
        #expect(errors["de"] == ["17 mime-type", "19 value", "21 value", "88 value", "89 value", "90 value", "91 value"], "\(errors["de"] ?? [])")
        #expect(errors["lb"] == ["13 email-address", "17 mime-type", "19 value", "21 value", "111 charset", "114 untranslated", "115 untranslated",
                                 "116 untranslated", "117 untranslated", "118 untranslated", "119 untranslated"], "\(errors["lb"] ?? [])")
    }

    @Test("OCA's cooperator module, Weblate's French PO: read in place, fuzzy and plural messages, every error a real term problem")
    func ocaPO() throws {
        let glossary = try GlossaryLoader().load(paths: [Corpus.projectFile("\(Self.folder)/oca-glossary.xml")])
        let file = try Corpus.path("oca-cooperator-po/fr.po")
        let all = ConsistencyChecker(termbase: glossary, rules: [.untranslated]).check(files: [file])
        #expect(all.problems.isEmpty && all.unitCount == 413 && all.findings.count == 63, "\(all.unitCount) \(all.findings.count)")
        let report = ConsistencyChecker(termbase: glossary, rules: [.missingTerm, .deprecatedTerm, .forbiddenTerm]).check(files: [file])
        #expect(report.findings.map { "\($0.line) \($0.conceptID ?? "")" } == [
            "87 cooperator-certificate", "278 subscription-request", "320 subscription", "407 cooperator-register",
            "693 cooperator", "701 cooperator", "709 cooperator", "717 cooperator", "896 cooperator", "896 invoice",
            "1503 legal-representative", "2440 waiting-list",
        ], "\(report.findings.map { "\($0.line) \($0.conceptID ?? "")" })")
        // "action" (a deprecated rendering of "share") meaning "an action to take": a warning, which
        // an accepted term of another concept silences.
        var withAction = glossary
        withAction.concepts.append(Concept(id: "action", languages: [
            LanguageSection(language: "en", terms: [Term("action", status: .preferred)]),
            LanguageSection(language: "fr", terms: [Term("action", status: .preferred)]),
        ]))
        let warnings = ConsistencyChecker(termbase: glossary, rules: [.deprecatedTermAnywhere]).check(files: [file])
        #expect(warnings.findings.count == 3 && warnings.findings.allSatisfy { $0.severity == .warning && $0.targetTerm?.lowercased().hasPrefix("action") == true })
        #expect(ConsistencyChecker(termbase: withAction, rules: [.deprecatedTermAnywhere]).check(files: [file]).findings.isEmpty)
    }

    @Test("Okapi's CAT-tool files: Trados 2009 segments by number, empty targets, states; nothing refused")
    func okapi() throws {
        let trados = try Corpus.path("okapi-testdata/xliff12/TS09-12-Test01.xlf")
        let report = ConsistencyChecker(termbase: Self.glossary, rules: [.untranslated]).check(files: [trados])
        #expect(report.problems.isEmpty && report.unitCount == 23)
        #expect(report.findings.first.map { "\($0.displayUnit) \($0.line)" } == "8429933a-9174-4e1d-837e-6ccbb442e012#2 187")
        let onTram = try Corpus.path("okapi-testdata/xliff12/OnTramTest01.xlf")
        var checker = ConsistencyChecker(termbase: Self.glossary, rules: [.untranslated])
        #expect(checker.check(files: [onTram]).findings.first?.message.contains("is empty") == true)
        checker.states = [.translated, .reviewed, .final]
        let confirmed = checker.check(files: [onTram])
        #expect(confirmed.findings.isEmpty && confirmed.skippedUnits == 88, "every target there is needs-translation")
    }
}
