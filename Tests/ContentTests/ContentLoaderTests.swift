import Content
import Foundation
import TestSupport
import Testing

@Suite("Content sources: loading, checks, XInclude")
struct ContentLoaderTests {
    static func fixture(_ name: String) -> String { Corpus.projectFile("Tests/ContentTests/Fixtures/\(name)") }

    static func problems(_ file: String) -> [String] {
        do {
            _ = try ContentLoader().load(file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("the bundled charter and newsletters load, with their items pulled in by XInclude")
    func bundledContent() throws {
        let charter = try ContentLoader().load(file: Corpus.projectFile("content/charter.xml"))
        #expect(charter.kind == .charter && charter.languages == ["fr", "de", "en"])
        #expect(charter.units.count >= 50)
        #expect(charter.units.allSatisfy { unit in ["fr", "de", "en"].allSatisfy { unit.text(in: $0) != nil } })

        let newsletter = try ContentLoader().load(file: Corpus.projectFile("content/newsletter-2019-07.xml"))
        #expect(newsletter.kind == .newsletter && newsletter.metadata.issue == 1)
        let event = newsletter.sections.flatMap(\.blocks).compactMap { block -> Event? in
            if case let .event(event) = block { return event }
            return nil
        }.first
        #expect(event?.date == ContentDate(year: 2019, month: 6, day: nil))
        #expect(event?.place?.text(in: "fr")?.inlines.plainText.hasPrefix("Mont-Saint-Martin") == true)
        #expect(event?.heading.location.file.hasSuffix("items/2019-06-convention.xml") == true, "\(event?.heading.location.file ?? "")")
    }

    @Test("every problem is reported with file:line:column: duplicate id, undeclared language, unsafe link, second text")
    func modelProblems() {
        let problems = Self.problems(Self.fixture("broken.xml"))
        #expect(problems.count == 4, "\(problems)")
        #expect(problems.contains { $0.contains("broken.xml:9:5: error: id 'dup' is already used at") })
        #expect(problems.contains { $0.contains("broken.xml:9:55: error: text in 'it', which languages=\"fr de\" on <document> does not declare") },
                "\(problems)")
        #expect(problems.contains { $0.contains("broken.xml:10:43: error: link to 'javascript:alert(1)' refused") })
        #expect(problems.contains { $0.contains("broken.xml:10:88: error: a second 'fr' text") })
    }

    @Test("schema errors name the element's line and column")
    func schemaProblems() {
        let problems = Self.problems(Self.fixture("invalid-schema.xml"))
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.contains("invalid-schema.xml:8:5: error: <p> needs id=\"...\"") }, "\(problems)")
        #expect(problems.contains { $0.contains("invalid-schema.xml:9:5: error: <table> is not an element of this kind of file; allowed in <section>: <heading>, <p>") },
                "\(problems)")
    }

    @Test("XInclude cannot leave the content folder, and external entities are refused")
    func confinement() {
        #expect(Self.problems(Self.fixture("escape.xml")).contains { $0.contains("escape.xml:8:5: error: xi:include of '../../../Package.swift' refused") })
        let xxe = Self.problems(Self.fixture("xxe.xml"))
        #expect(xxe.contains { $0.contains("external entity") }, "\(xxe)")
        #expect(!xxe.joined().contains("root:"))
    }

    @Test("every file of the XXE and DTD attack suites is refused or loads without reaching outside", arguments: [
        "rub-nds-dtd-attacks", "payloadsallthethings-xxe/Files",
    ])
    func attackSuites(folder: String) throws {
        let files = try Corpus.files(under: folder) { $0.hasSuffix(".xml") || $0.hasSuffix(".svg") }
        #expect(!files.isEmpty)
        for file in files {
            // None is a content source: each must be refused with a located error, never crash or hang.
            let problems = Self.problems(file)
            #expect(!problems.isEmpty, "\(file) was accepted")
            #expect(!problems.joined().contains("root:x:0:0"), "\(file) leaked /etc/passwd")
        }
    }

    @Test("links: http, https, mailto and relative only, whatever the disguise", arguments: [
        ("https://example.org", true), ("mailto:a@example.org", true), ("charter.html#art-1", true), ("//cdn.example.org/x", true),
        ("javascript:alert(1)", false), ("JavaScript:alert(1)", false), ("java\tscript:alert(1)", false),
        ("\u{01}javascript:alert(1)", false), ("data:text/html,<script>", false), ("vbscript:x", false), ("file:///etc/passwd", false),
    ])
    func linkPolicy(href: String, allowed: Bool) {
        #expect(LinkPolicy.allows(href) == allowed)
    }

    @Test("dates: days and whole months; impossible days refused")
    func dates() {
        #expect(ContentDate(iso: "2019-06-20") == ContentDate(year: 2019, month: 6, day: 20))
        #expect(ContentDate(iso: "2019-06")?.description == "2019-06")
        #expect(ContentDate(iso: "2019-02-29") == nil && ContentDate(iso: "2020-02-29") != nil)
        #expect(ContentDate(iso: "2019-13") == nil && ContentDate(iso: "19-06-20") == nil)
    }
}
