import Content
import Foundation
import Rendering
import Testing
import TestSupport
import XMLSupport

/// The charter's signature block and questionnaire in HTML, Markdown and text: every
/// language's labels, a line for what the source leaves blank, room for each answer.
@Suite("Rendering: questionnaires and signatures")
struct QuestionnaireSignatureRenderingTests {
    static func charter(_ format: RenderOptions.Format) throws -> String {
        try RenderingTests.render(RenderOptions(languages: ["fr", "de"], format: format, hyphenate: false),
                                  file: Corpus.projectFile("content/charter.xml")).output
    }

    @Test("HTML: the signatories' lines in both languages, a line per answer line, a box, yes/no boxes")
    func html() throws {
        let page = try XMLTree.parse(html: Data(try Self.charter(.html).utf8), sourceName: "charter.html")
        let lines = try page.select("//table[@class='signature-lines']")
        #expect(lines.count == 4, "two signatories in two languages")
        let labels = lines.map { $0.descendants(named: "th").map(\.text) }
        #expect(labels.first == ["Organisation", "Nom", "Fonction", "Fait à", "Le", "Signature"])
        #expect(labels.contains(["Organisation", "Name", "Funktion", "Ort", "Datum", "Unterschrift"]))
        // The cluster's signatory prints its organisation and role; the member's lines stay blank.
        let values = lines.map { $0.descendants(named: "td").map { $0.text.trimmingCharacters(in: .whitespaces) } }
        #expect(values[0].allSatisfy { $0.isEmpty })
        #expect(values.contains { $0[0].hasPrefix("Cluster der Sozial") && $0[2] == "Vorsitz des Lenkungsausschusses" })
        let answers = try page.select("//div[starts-with(@class, 'answer')]")
        #expect(answers.first?.descendants(named: "span").count == 3, "question 1 has three lines")
        #expect(answers.contains { $0.attribute("class") == "answer box" })
        #expect(try page.select("//p[@class='answer choice']").contains { $0.text.contains("Ja") })
    }

    @Test("Markdown: lines of escaped underscores (never a rule or emphasis), yes/no boxes; pandoc keeps them as text")
    func markdown() throws {
        let text = try Self.charter(.md)
        #expect(text.contains("☐ Oui") && text.contains("☐ Ja"))
        #expect(text.contains("Unterschrift: \\_\\_\\_"))
        let bare = text.split(separator: "\n").filter { $0.allSatisfy { $0 == "_" || $0 == " " } && $0.contains("_") }
        #expect(bare.isEmpty, "a bare line of underscores is a Markdown rule: \(bare.prefix(2))")
    }

    @Test("text: 'Label : ____' lines with each language's typography")
    func plainText() throws {
        let text = try Self.charter(.txt)
        #expect(text.contains("Fait à\u{00A0}: ____") || text.contains("Fait à\u{202F}: ____"), "French label typography")
        #expect(text.contains("Ort: ____"))
    }
}

@Suite("Rendering: inputs found by libFuzzer")
struct FuzzRegressionTests {
    @Test("a charter mutated by libFuzzer, whose words made libhyphen read past the word (it runs strstr over it), renders in every format")
    func hyphenationOverRead() throws {
        let file = Corpus.projectFile("Tests/RenderingTests/Fixtures/fuzz/hyphenation-overread.xml")
        let document = try ContentLoader(contentRoot: Corpus.projectFile("Tests/RenderingTests/Fixtures/fuzz")).load(file: file)
        for format in RenderOptions.Format.allCases {
            let output = try RenderingTests.renderer().render(document, options: RenderOptions(format: format)).output
            #expect(!output.isEmpty)
        }
    }
}
