import Content
import Foundation
import TestSupport
import Testing

@Suite("Content sources: questionnaires and signature blocks")
struct QuestionnaireSignatureTests {
    static func load(_ xml: String) throws -> ContentDocument {
        let folder = try TemporaryFolder.make("forms")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("doc.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        return try ContentLoader().load(file: file.path)
    }

    /// What loading `xml` reports, as the user reads it.
    static func problems(_ xml: String) throws -> [String] {
        let folder = try TemporaryFolder.make("forms")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("doc.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try ContentLoader().load(file: file.path)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <document xmlns="urn:passerelle:content:1" kind="charter" id="t" languages="fr de">
          <meta><title><text xml:lang="fr">Charte</text><text xml:lang="de">Charta</text></title></meta>
          <section id="s"><heading><text xml:lang="fr">Fin</text><text xml:lang="de">Ende</text></heading>
        \(body)
          </section>
        </document>
        """
    }

    @Test("the charter's questionnaire: each question's answer area as written (lines by default, a box, yes/no)")
    func charterQuestionnaire() throws {
        let charter = try ContentLoader().load(file: Corpus.projectFile("content/charter.xml"))
        let questions = charter.sections.flatMap(\.blocks).compactMap { block -> Questionnaire? in
            if case let .questionnaire(questionnaire) = block { return questionnaire }
            return nil
        }.first?.questions ?? []
        #expect(questions.count == 9)
        #expect(questions.first?.answer == .lines(3))
        #expect(questions[3].answer == .box(5))
        #expect(questions.last?.answer == .yesNo)
        // Each question is a unit, translated and stamped like every other.
        #expect(questions.allSatisfy { question in charter.units.contains { $0.id == question.unit.id } })
    }

    @Test("signatories: what the source gives is kept, the rest stays a line to fill in; their texts are units")
    func signatories() throws {
        let document = try Self.load(Self.document("""
            <signatures id="sig">
              <signatory id="member"/>
              <signatory id="cluster">
                <heading><text xml:lang="fr">Pour le cluster</text><text xml:lang="de">Für den Cluster</text></heading>
                <name>Marie Weber</name>
                <role><text xml:lang="fr">Présidente</text><text xml:lang="de">Vorsitzende</text></role>
              </signatory>
            </signatures>
            """))
        guard case let .signatures(block)? = document.sections.first?.blocks.first else {
            Issue.record("no signature block")
            return
        }
        #expect(block.signatories.map(\.id) == ["member", "cluster"])
        #expect(block.signatories[0].heading == nil && block.signatories[0].name == nil)
        #expect(block.signatories[1].name == "Marie Weber" && block.signatories[1].organisation == nil)
        #expect(document.units.map(\.id).contains("cluster.role") && document.units.map(\.id).contains("cluster.heading"))
    }

    @Test("an unknown answer kind, and more than 40 lines, are refused at their line and column")
    func refused() throws {
        for (question, attribute) in [("answer=\"essay\"", "answer"), ("lines=\"99\"", "lines")] {
            let xml = Self.document("""
                <questionnaire id="q"><question id="q1" \(question)><text xml:lang="fr">Pourquoi ?</text><text xml:lang="de">Warum?</text></question></questionnaire>
                """)
            let messages = try Self.problems(xml)
            #expect(messages.contains { $0.contains("doc.xml:5:") && $0.contains(attribute) }, "\(attribute): \(messages)")
        }
    }
}

@Suite("Content sources written on one line")
struct OneLineSourceTests {
    @Test("4. a file on one line: each problem at its own column (the columns come from one pass over the document)")
    func columns() throws {
        let paragraphs = (1...300).map { "<p id=\"p\($0)\"><text xml:lang=\"fr\">Un \($0)</text><text xml:lang=\"de\">Eins</text></p>" }.joined()
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><document xmlns=\"urn:passerelle:content:1\" kind=\"newsletter\" id=\"t\" languages=\"fr de\">"
            + "<meta><title><text xml:lang=\"fr\">T</text><text xml:lang=\"de\">T</text></title></meta><section id=\"s\"><heading><text xml:lang=\"fr\">H</text>"
            + "<text xml:lang=\"de\">H</text></heading>"
        let broken = "<p id=\"p1\"><text xml:lang=\"fr\">doublon</text></p>"
        let xml = head + paragraphs + broken + "</section></document>"
        let column = xml.distance(from: xml.startIndex, to: xml.range(of: broken)!.lowerBound) + 1
        let messages = try QuestionnaireSignatureTests.problems(xml)
        #expect(messages.contains { $0.contains("doc.xml:1:\(column): error: id 'p1' is already used") }, "\(messages)")
    }
}
