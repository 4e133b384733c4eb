import Foundation
import TestSupport
import Testing
@testable import XMLSupport

@Suite("XMLTree, XInclude, RELAX NG, XPath, writer, stream reader")
struct XMLTreeTests {
    /// A fresh temporary folder with the given files.
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-xml-\(UUID().uuidString)")
        for (name, content) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test("a malformed file reports the right line and column")
    func malformed() throws {
        let document = "<glossary>\n  <concept id=\"ess\">\n    <term>ESS</term>\n  </concpt>\n</glossary>\n"
        #expect {
            try XMLTree.parse(data: Data(document.utf8), sourceName: "g.xml")
        } throws: { error in
            guard let first = (error as? XMLSupportError)?.diagnostics.first else { return false }
            return first.file == "g.xml" && first.line == 4 && first.column == 3 && first.message.contains("write </concept>")
        }
    }

    @Test("elements, attributes, xml:lang, namespaces and text")
    func reading() throws {
        let document = """
            <glossary xmlns="urn:passerelle" xmlns:x="urn:other" xml:lang="fr">
              <concept id="ess" x:note="keep">
                <term status="preferred">économie sociale &amp; solidaire</term>
                <term xml:lang="de">Sozial- und Solidarwirtschaft</term>
              </concept>
            </glossary>
            """
        let tree = try XMLTree.parse(data: Data(document.utf8), sourceName: "g.xml")
        let concept = try #require(tree.root.firstChild(named: "concept"))
        #expect(concept.attribute("id") == "ess")
        #expect(concept.attribute("note", namespace: "urn:other") == "keep")
        #expect(concept.line == 2)
        let terms = concept.children(named: "term", namespace: "urn:passerelle")
        #expect(terms.map(\.text) == ["économie sociale & solidaire", "Sozial- und Solidarwirtschaft"])
        #expect(terms.map(\.language) == ["fr", "de"])
        let selected = try tree.select("//p:term[@status='preferred']", namespaces: ["p": "urn:passerelle"])
        #expect(selected.map(\.text) == ["économie sociale & solidaire"])
        #expect(try tree.string("count(//p:term)", namespaces: ["p": "urn:passerelle"]) == "2")
        #expect(throws: XMLSupportError.self) { try tree.select("//p:term[", namespaces: ["p": "urn:passerelle"]) }
    }

    @Test("XInclude inside the folder, nested, as text, with fallback")
    func xinclude() throws {
        let root = try Self.folder([
            "news.xml": """
                <news xmlns:xi="http://www.w3.org/2001/XInclude">
                  <xi:include href="items/one.xml"/>
                  <xi:include href="items/missing.xml"><xi:fallback><item>fallback</item></xi:fallback></xi:include>
                  <note><xi:include href="items/note.txt" parse="text"/></note>
                </news>
                """,
            "items/one.xml": "<item xmlns:xi=\"http://www.w3.org/2001/XInclude\">one <xi:include href=\"two.xml\"/></item>",
            "items/two.xml": "<b>two</b>",
            "items/note.txt": "plain & simple",
        ])
        let tree = try XMLTree.parse(file: root.appendingPathComponent("news.xml").path)
        try tree.processXIncludes(confinedTo: root.path)
        let items = tree.root.children(named: "item")
        #expect(items.map(\.text) == ["one two", "fallback"])
        #expect(items.first?.file.hasSuffix("items/one.xml") == true)
        #expect(tree.root.firstChild(named: "note")?.text == "plain & simple")
    }

    @Test("XInclude outside the folder, by .., absolute path, link or URL, is refused", arguments: [
        "../secret.xml", "/etc/passwd", "link/secret.xml", "http://127.0.0.1:5000/file.xml", "file:///etc/passwd",
    ])
    func xincludeEscapes(href: String) throws {
        let outside = try Self.folder(["secret.xml": "<secret>it_works</secret>"])
        let root = outside.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: outside)
        let document = "<doc xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(href)\" parse=\"text\"/></doc>"
        let path = root.appendingPathComponent("doc.xml")
        try document.write(to: path, atomically: true, encoding: .utf8)
        let tree = try XMLTree.parse(file: path.path)
        #expect {
            try tree.processXIncludes(confinedTo: root.path)
        } throws: { error in
            "\(error)".contains("refused") && "\(error)".contains("doc.xml:1")
        }
        #expect(!tree.serialized().contains("it_works"))
    }

    @Test("an XInclude cycle is refused")
    func xincludeCycle() throws {
        let root = try Self.folder([
            "a.xml": "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"b.xml\"/></a>",
            "b.xml": "<b xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"a.xml\"/></b>",
        ])
        let tree = try XMLTree.parse(file: root.appendingPathComponent("a.xml").path)
        #expect(throws: XMLSupportError.self) { try tree.processXIncludes(confinedTo: root.path) }
    }

    @Test("a RELAX NG failure names the element and its line")
    func relaxNG() throws {
        let root = try Self.folder([
            "glossary.rng": """
                <element name="glossary" xmlns="http://relaxng.org/ns/structure/1.0">
                  <oneOrMore><element name="concept"><attribute name="id"/><text/></element></oneOrMore>
                </element>
                """,
            "good.xml": "<glossary><concept id=\"ess\">x</concept></glossary>",
            "bad.xml": "<glossary>\n<concept id=\"ess\">x</concept>\n<konzept>y</konzept>\n</glossary>",
        ])
        let schema = try RelaxNGSchema(file: root.appendingPathComponent("glossary.rng").path)
        try schema.validate(try XMLTree.parse(file: root.appendingPathComponent("good.xml").path))
        let bad = try XMLTree.parse(file: root.appendingPathComponent("bad.xml").path)
        let problems = schema.diagnostics(for: bad)
        #expect(problems.contains { $0.message.contains("konzept") && $0.line == 3 && $0.file.hasSuffix("bad.xml") }, "\(problems)")
        #expect(throws: XMLSupportError.self) {
            try RelaxNGSchema(file: root.appendingPathComponent("good.xml").path)
        }
    }

    @Test("the writer escapes what it must and round-trips through the parser")
    func writer() throws {
        var writer = XMLWriter()
        writer.declaration()
        writer.start("doc", attributes: [("title", "a \"quoted\" <b> & 'c'\nline")])
        writer.element("p", text: "<script>alert('x')</script> & ]]> \u{1} end")
        writer.comment("no -- double")
        writer.end()
        #expect(writer.replacedCharacters == 1)
        let tree = try XMLTree.parse(data: Data(writer.output.utf8), sourceName: "written.xml")
        #expect(tree.root.attribute("title") == "a \"quoted\" <b> & 'c'\nline")
        #expect(tree.root.firstChild(named: "p")?.text == "<script>alert('x')</script> & ]]> \u{FFFD} end")
    }

    @Test("the stream reader walks a large file and reports errors with a line")
    func streaming() throws {
        var document = "<tmx><body>\n"
        for index in 0..<5_000 { document += "<tu tuid=\"\(index)\"><tuv xml:lang=\"fr\"><seg>texte \(index)</seg></tuv></tu>\n" }
        document += "</body></tmx>\n"
        let root = try Self.folder(["big.tmx": document, "broken.tmx": "<tmx>\n<body>\n<tu>\n</body>\n</tmx>"])
        let reader = try XMLStreamReader(file: root.appendingPathComponent("big.tmx").path)
        var units = 0, languages = Set<String>()
        while let event = try reader.next() {
            if case let .start(element) = event {
                if element.name == "tu" { units += 1 }
                if let language = element.attribute("xml:lang") { languages.insert(language) }
            }
        }
        #expect(units == 5_000 && languages == ["fr"])
        let broken = try XMLStreamReader(file: root.appendingPathComponent("broken.tmx").path)
        #expect {
            while try broken.next() != nil {}
        } throws: { error in
            (error as? XMLSupportError)?.diagnostics.first?.line == 4
        }
    }

    @Test("a parsed tree gives the stream's events: names, attributes, lines, columns, depths, texts")
    func treeEvents() throws {
        for file in ["okapi-testdata/xliff12/NSTest01.xlf", "xliff2-oasis-testsuite/core/valid/everything-core.xlf", "tbx2-iate-lisa/TBX-basic-samples.tbx"] {
            let path = try Corpus.path(file)
            func describe(_ source: some XMLEventSource) throws -> [String] {
                var events: [String] = []
                while let event = try source.next() {
                    switch event {
                    case let .start(element):
                        let attributes = element.attributes.map { "\($0.namespaceURI ?? ""):\($0.name)=\($0.value)" }.sorted()
                        events.append("<\(element.name) \(element.namespaceURI ?? "") \(attributes) \(element.line):\(element.column) d\(element.depth)")
                        // A tree has no empty-element tags: it always ends its elements.
                        if element.isEmpty { events.append("</\(element.name)") }
                    case let .end(name, _): events.append("</\(name)")
                    case let .text(text): events.append("'\(text)'")
                    }
                }
                return events
            }
            let streamed = try describe(try XMLStreamReader(file: path))
            let walked = try describe(XMLTreeEvents(tree: try XMLTree.parse(file: path)))
            #expect(streamed.count > 20 && walked == streamed, "\(file)")
        }
    }
}

@Suite("Validation cache")
struct ValidationCacheTests {
    @Test("a valid document is remembered by its files' fingerprints and the schema's; a changed one is not")
    func remembers() throws {
        let folder = try TemporaryFolder.make("validation")
        defer { TemporaryFolder.remove(folder) }
        let cache = ValidationCache(folder: folder.path)
        let key = ValidationCache.key(schema: 1, document: ["a.xml": 10, "b.xml": 20])
        #expect(!cache.contains(key))
        cache.insert(key)
        #expect(ValidationCache(folder: folder.path).contains(key), "kept in the file, for the next run")
        #expect(key == ValidationCache.key(schema: 1, document: ["b.xml": 20, "a.xml": 10]))
        #expect(!cache.contains(ValidationCache.key(schema: 1, document: ["a.xml": 10, "b.xml": 21])))
        #expect(!cache.contains(ValidationCache.key(schema: 2, document: ["a.xml": 10, "b.xml": 20])))
        #expect(!ValidationCache(folder: nil).contains(key))
    }
}
