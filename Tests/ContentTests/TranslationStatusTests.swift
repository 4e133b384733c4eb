import Content
import Foundation
import TestSupport
import Testing

@Suite("Translation status and stamping")
struct TranslationStatusTests {
    static let sample = Corpus.projectFile("Tests/RenderingTests/Fixtures/sample.xml")

    @Test("missing, outdated, untracked and current translations are told apart, with the text's location")
    func states() throws {
        let document = try ContentLoader().load(file: Self.sample)
        let report = document.translationReport()
        let german = try #require(report.counts.first { $0.language == "de" })
        #expect(german.missing == 1 && german.outdated == 1 && german.current == 1, "\(german)")
        #expect(german.untracked == german.units - 3)
        let outdated = try #require(report.issues.first { $0.unitID == "p-outdated" && $0.language == "de" })
        #expect(outdated.location.line == 29 && outdated.location.column == 7, "\(outdated.location)")
        if case let .outdated(recorded, current) = outdated.state {
            #expect(recorded == "00000000" && current.count == 8 && current != recorded)
        } else {
            Issue.record("expected outdated, got \(outdated.state)")
        }
        let missing = try #require(report.issues.first { $0.unitID == "p-missing" })
        #expect(missing.state == .missing && missing.language == "de")
    }

    @Test("the source hash ignores layout, not words")
    func hash() {
        #expect(SourceHash.of(plainText: "Le  cluster\n    promeut") == SourceHash.of(plainText: "Le cluster promeut"))
        #expect(SourceHash.of(plainText: "Le cluster promeut") != SourceHash.of(plainText: "Le cluster soutient"))
        // NFC: a decomposed é is the same text.
        #expect(SourceHash.of(plainText: "e\u{0301}conomie") == SourceHash.of(plainText: "\u{00E9}conomie"))
        #expect(SourceHash.of(plainText: "x").count == 8)
    }

    @Test("stamping writes from= into the tags, in included files too, and changes nothing else")
    func stamping() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("items"), withIntermediateDirectories: true)
        let fixtures = Corpus.projectFile("Tests/RenderingTests/Fixtures")
        for name in ["sample.xml", "items/event.xml", "logo.svg"] {
            try FileManager.default.copyItem(atPath: "\(fixtures)/\(name)", toPath: folder.appendingPathComponent(name).path)
        }
        let file = folder.appendingPathComponent("sample.xml").path
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let document = try ContentLoader().load(file: file)
        let stamped = try TranslationStamper.stamp(document, language: "de")
        #expect(stamped.count == 20, "\(stamped.count)")

        let again = try ContentLoader().load(file: file)
        let german = try #require(again.translationReport(languages: ["de"]).counts.first)
        #expect(german.current == german.units - 1 && german.missing == 1 && german.outdated == 0 && german.untracked == 0)
        let event = try String(contentsOfFile: folder.appendingPathComponent("items/event.xml").path, encoding: .utf8)
        #expect(event.contains("<text xml:lang=\"de\" from=\""))
        // Only from= attributes were added or changed.
        let after = try String(contentsOfFile: file, encoding: .utf8)
        let strip = { (text: String) in text.replacingOccurrences(of: #" from="[0-9a-f]{8}""#, with: "", options: .regularExpression) }
        #expect(strip(after) == strip(before))
    }
}
