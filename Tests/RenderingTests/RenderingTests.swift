import Base
import Content
import Foundation
import Rendering
import Terminology
import Testing
import TestSupport
import XMLSupport

@Suite("Rendering: layouts, formats, fallback, typography, safety")
struct RenderingTests {
    static let sample = Corpus.projectFile("Tests/RenderingTests/Fixtures/sample.xml")

    static func renderer() throws -> DocumentRenderer {
        DocumentRenderer(theme: try Theme.load(folder: Corpus.projectFile("templates/default")),
                         termbase: try GlossaryLoader().load(paths: [Corpus.projectFile("glossaries")]))
    }

    static func render(_ options: RenderOptions, file: String = sample) throws -> RenderResult {
        try renderer().render(try ContentLoader().load(file: file), options: options)
    }

    /// The HTML without soft hyphens, which are tested on their own.
    static func html(_ options: RenderOptions = RenderOptions(terms: .all, hyphenate: false)) throws -> XMLTree {
        try XMLTree.parse(html: Data(try render(options).output.utf8), sourceName: "out.html")
    }

    @Test("golden files: every layout in every format", arguments: RenderOptions.Layout.allCases)
    func goldens(layout: RenderOptions.Layout) throws {
        for format in RenderOptions.Format.allCases {
            let options = RenderOptions(languages: layout == .single ? ["de"] : nil, layout: layout, format: format, glossaryAppendix: true,
                                        terms: .first)
            var output = try Self.render(options).output
            // The theme's stylesheet is the theme's business, not the renderer's: leave it out.
            output = output.replacingOccurrences(of: #"<style>[\s\S]*?</style>"#, with: "<style>/* html/style.css */</style>",
                                                 options: .regularExpression)
            let name = "sample-\(layout.rawValue).\(format.fileExtension)"
            #expect(Snapshot.mismatch(output, named: name, folder: "Tests/RenderingTests/Snapshots") == nil, "\(name)")
        }
    }

    @Test("parallel HTML: one row per unit, one cell per language, lang on every cell")
    func parallelStructure() throws {
        let tree = try Self.html()
        let query = tree
        let rows = try query.select("//tr[contains(@class, 'row') and not(contains(@class, 'figure-image'))]")
        #expect(rows.count == 17, "\(rows.count)")
        // A figure's image once, across the columns, before its captions.
        let images = try query.select("//tr[contains(@class, 'figure-image')]/td[@colspan='3']//img")
        #expect(images.count == 1 && images[0].attribute("width") != nil && images[0].attribute("alt")?.hasPrefix("Logo «") == true,
                "\(images.map(\.outerXML))")
        #expect(try query.select("//img").count == 1)
        for row in rows {
            let cells = row.children(named: "td")
            #expect(cells.map { $0.attribute("data-column") } == ["fr", "de", "en"], "\(row.attribute("id") ?? "")")
            #expect(cells.allSatisfy { $0.attribute("lang") != nil })
        }
        #expect(try query.string("string(/html/@lang)") == "fr")
        // The missing German paragraph shows the French text, marked, with lang="fr".
        let missing = try #require(try query.select("//tr[@id='p-missing']/td[@data-column='de']").first)
        #expect(missing.attribute("lang") == "fr" && missing.attribute("class")?.contains("missing") == true)
        #expect(missing.text.contains("Übersetzung fehlt") && missing.text.contains("pas encore traduit"))
        let outdated = try #require(try query.select("//tr[@id='p-outdated']/td[@data-column='de']").first)
        #expect(outdated.attribute("class")?.contains("outdated") == true && outdated.text.contains("Übersetzung veraltet"))
    }

    @Test("HTML escapes what the source says: no script, no event handler, no javascript: link, quotes kept in attributes")
    func htmlSafety() throws {
        let tree = try Self.html()
        let query = tree
        #expect(try query.select("//script").isEmpty)
        #expect(try query.select("//*[@onmouseover or @onerror or @onload]").isEmpty)
        #expect(try query.select("//a[contains(translate(@href, 'JAVSCRIPT', 'javscript'), 'javascript:')]").isEmpty)
        let hostile = try #require(try query.select("//tr[@id='p-hostile']/td[@data-column='fr']").first)
        #expect(hostile.text.contains("<script>alert(1)</script>"))
        let link = try #require(try query.select("//tr[@id='p-hostile']/td[@data-column='fr']//a").first)
        #expect(link.attribute("href") == "https://example.org/?q=\" onmouseover=\"alert(1)")
        let images = try query.select("//img")
        #expect(!images.isEmpty && images.allSatisfy { $0.attribute("src")?.hasPrefix("data:image/svg+xml;base64,") == true })
        #expect(images.first?.attribute("alt") == "Logo «\u{00A0}rond\u{00A0}»")
        // A term's equivalents are in its title, escaped.
        let term = try #require(try query.select("//tr[@id='p-term']/td[@data-column='fr']//abbr").first)
        #expect(term.attribute("title") == "de: Sozial- und Solidarwirtschaft · en: social and solidarity economy")
    }

    @Test("HTML hyphenates long words with soft hyphens (libhyphen), in text and labels, never in attributes")
    func hyphenation() throws {
        let output = try Self.render(RenderOptions()).output
        #expect(output.contains("Teil\u{00AD}neh\u{00AD}men\u{00AD}de"), "German words are hyphenated")
        let tree = try XMLTree.parse(html: Data(output.utf8), sourceName: "out.html")
        let attributes = try tree.select("//*").flatMap { $0.attributes.map(\.value) }
        #expect(!attributes.contains { $0.contains("\u{00AD}") })
        let plain = try Self.render(RenderOptions(hyphenate: false)).output
        #expect(!plain.contains("\u{00AD}"))
        let markdown = try Self.render(RenderOptions(format: .md)).output
        #expect(!markdown.contains("\u{00AD}"), "Markdown and text are left as written")
    }

    @Test("stacked: a table of the languages, then the whole document in each, alike; parallel: a phone shows one language at a time")
    func stackedAndPhone() throws {
        let stacked = try Self.html(RenderOptions(layout: .stacked, hyphenate: false))
        let links = try stacked.select("//nav[@class='language-table']//a").map { $0.attribute("href") ?? "" }
        #expect(links == ["#lang-fr", "#lang-de", "#lang-en"])
        let parts = try stacked.select("//article[@class='language-part']")
        #expect(parts.map { $0.attribute("lang") ?? "" } == ["fr", "de", "en"])
        for part in parts {
            // Every unit of the part in its language (a missing one falls back, marked).
            let units = try stacked.select(".//div[contains(@class, 'unit')]", from: part)
            #expect(units.count >= 15 && units.allSatisfy { $0.attribute("lang") == part.attribute("lang") || $0.attribute("class")?.contains("missing") == true }, "\(units.count)")
        }
        let parallel = try Self.html()
        let switches = try parallel.select("/html/body/input[@type='radio'][@name='show-language']")
        #expect(switches.map { $0.attribute("id") ?? "" } == ["show-fr", "show-de", "show-en"] && switches[0].attribute("checked") != nil)
        let css = try parallel.select("//style").map(\.text).joined()
        #expect(css.contains("#show-de:checked ~ main [data-column]:not([data-column=\"de\"])"), "each language hides the others on a phone")
    }

    @Test("link labels and image credits come in each language")
    func linkLabelsAndCredits() throws {
        let html = try Self.html()
        #expect(try html.select("//tr[@id='call.details']/td[@data-column='de']//a").first?.text == "Projekt einreichen")
        #expect(try html.select("//tr[@id='portrait-figure.alt']/td[@data-column='fr']//p[@class='credit']").first?.text == "Dessin\u{00A0}: l’équipe")
    }

    @Test("term notes: none by default in a newsletter, the first use or every use when asked")
    func termNotes() throws {
        let none = try Self.render(RenderOptions(hyphenate: false)).output
        #expect(!none.contains("<abbr"))
        let charter = Corpus.projectFile("content/charter.xml")
        let first = try Self.render(RenderOptions(terms: .first, hyphenate: false), file: charter).output
        let all = try Self.render(RenderOptions(terms: .all, hyphenate: false), file: charter).output
        #expect(try Self.render(RenderOptions(hyphenate: false), file: charter).output == first, "a charter notes first uses by default")
        let count = { (text: String) in text.components(separatedBy: "<abbr class=\"term\"").count - 1 }
        #expect(count(first) > 0 && count(first) < count(all), "\(count(first)) \(count(all))")
        let markdown = try Self.render(RenderOptions(format: .md, terms: .first)).output
        #expect(markdown.contains("[^1]"))
    }

    @Test("dates, times and numbers in each language's own way; French and German typography")
    func localeFormats() throws {
        let output = try Self.render(RenderOptions(layout: .stacked, format: .txt, terms: .first)).output
        for expected in ["20 juin 2019", "20. Juni 2019", "June 20, 2019", "1\u{202F}234,5", "1.234,5", "1,234.5",
                         "jeudi 20 juin 2019, 9\u{00A0}h\u{00A0}30–17\u{00A0}h", "Donnerstag, 20. Juni 2019, 09:30–17:00",
                         "31 mars 2021", "31. März 2021", "March 31, 2021",
                         "c’est «\u{00A0}essentiel\u{00A0}»\u{202F}!", "Das ist „wesentlich“!", "it is “essential”!",
                         "solidaire[1]\u{00A0}:"] {
            #expect(output.contains(expected), "missing \(expected)")
        }
        let english = try Self.render(RenderOptions(languages: ["en"], layout: .single, format: .txt)).output
        #expect(english.contains("9:30") && english.contains("AM"), "\(english.prefix(600))")
    }

    @Test("Markdown: source text cannot become markup")
    func markdownSafety() throws {
        let output = try Self.render(RenderOptions(languages: ["fr"], layout: .single, format: .md)).output
        #expect(output.contains(#"\<script\>alert(1)\</script\> \*pas\* de \[lien\](javascript:alert(1)) \| fin \& suite"#), "\(output)")
        #expect(output.contains("[lien](https://example.org/?q=\"%20onmouseover=\"alert%281%29)"))
        #expect(output.contains("[courriel](mailto:contact@example.org)"))
    }

    @Test("a missing translation is a warning, an error with strict")
    func strict() throws {
        let result = try Self.render(RenderOptions())
        #expect(result.warnings.contains { $0.message.contains("unit 'p-missing' has no de text; showing fr") && $0.line == 23 })
        #expect(result.warnings.contains { $0.message.contains("the de text of 'p-outdated' was translated from 00000000") })
        #expect(throws: RenderingError.self) { try Self.render(RenderOptions(strict: true)) }
        do {
            _ = try Self.render(RenderOptions(strict: true))
        } catch let error as RenderingError {
            #expect(error.diagnostics.allSatisfy { $0.severity == .error && $0.message.hasSuffix("(--strict)") })
        }
        // English has every unit, up to date: strict passes.
        // (The sample's relative link is told, and is no translation problem.)
        let english = try Self.render(RenderOptions(languages: ["fr", "en"], strict: true)).warnings
        #expect(english.map(\.message) == ["relative link 'charter.html#art-1' in a newsletter: it leads nowhere once the letter is sent or moved; write its full https address"])
        #expect(try Self.render(RenderOptions()).warnings.last?.message == "1 missing and 1 outdated translation(s) are shown with a badge; --strict refuses to render them")
    }

    @Test("an unknown concept in <term ref> is an error at its file:line:column")
    func unknownTerm() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("doc.xml").path
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <document xmlns="urn:passerelle:content:1" kind="charter" id="d" languages="fr">
          <meta><title><text xml:lang="fr">T</text></title></meta>
          <section id="s"><heading><text xml:lang="fr">S</text></heading>
            <p id="p"><text xml:lang="fr">Une <term ref="no-such-concept">chose</term>.</text></p>
          </section>
        </document>
        """.write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try Self.render(RenderOptions(), file: file)
            Issue.record("rendered a document with an unknown concept")
        } catch let error as RenderingError {
            #expect(error.diagnostics.map(\.description) == ["\(file):5:39: error: unknown concept 'no-such-concept' in <term ref>; `passerelle terms lookup` finds concept ids"])
        }
    }

    @Test("languages the document does not declare, and single layout with two languages, are refused")
    func languageChoice() throws {
        #expect(throws: RenderingError.self) { try Self.render(RenderOptions(languages: ["it"])) }
        #expect(throws: RenderingError.self) { try Self.render(RenderOptions(languages: ["fr", "de"], layout: .single)) }
    }

    @Test("the glossary appendix lists the concepts used, in each language's collation order")
    func glossaryAppendix() throws {
        let query = try Self.html(RenderOptions(glossaryAppendix: true))
        let german = try query.select("//div[@class='glossary-language'][@lang='de']//dt").map(\.text)
        #expect(german == ["Sozial- und Solidarwirtschaft"], "\(german)")
        #expect(try query.string("string(//div[@class='glossary-language'][@lang='fr']//dd)").contains("loi n° 2014-856 du 31 juillet 2014"))
    }

    @Test("every value the renderer gives templates is declared in the view-model schema")
    func schemaCoversModel() throws {
        for format in RenderOptions.Format.allCases {
            let model = try Self.renderer().viewModel(try ContentLoader().load(file: Self.sample),
                                                      options: RenderOptions(format: format, glossaryAppendix: true))
            let undeclared = Self.undeclared(model, schema: ViewModelSchema.document, path: "")
            #expect(undeclared.isEmpty, "\(format): \(undeclared)")
        }
    }

    static func undeclared(_ object: [String: Any], schema: [String: ViewModelSchema.Node], path: String) -> [String] {
        var result: [String] = []
        for (key, value) in object {
            guard let node = schema[key] else { result.append(path + key); continue }
            if case let .list(inner) = node, let list = value as? [[String: Any]] {
                for item in list { result += undeclared(item, schema: inner, path: path + key + ".") }
            }
        }
        return Array(Set(result)).sorted()
    }

    @Test("rendering survives the 6,613 payloads of payloadbox's XSS list", .timeLimit(.minutes(2)))
    func xssPayloads() throws {
        let list = try String(contentsOfFile: try Corpus.path("payloadbox-xss/xss-payload-list.txt"), encoding: .utf8)
        let payloads = list.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(payloads.count > 6000)
        let place = SourceLocation(file: "payloads", line: 1)
        func unit(_ id: String, _ text: String, link: String? = nil) -> TextUnit {
            let inlines: [Inline] = link.map { [.link(href: $0, [.text(text)])] } ?? [.text(text)]
            return TextUnit(id: id, texts: [LanguageText(language: "fr", inlines: inlines, location: place)], location: place)
        }
        let blocks = payloads.enumerated().map { index, payload in
            Block.paragraph(unit("p\(index)", payload, link: index % 2 == 0 ? payload : nil))
        }
        let document = ContentDocument(kind: .newsletter, id: "xss", languages: ["fr"],
                                       metadata: DocumentMetadata(title: unit("title", payloads[0])),
                                       sections: [Section(id: "s", heading: unit("h", payloads[1]), blocks: blocks)], file: "payloads.xml")
        for format in RenderOptions.Format.allCases {
            let output = try Self.renderer().render(document, options: RenderOptions(layout: .single, format: format)).output
            if format == .html {
                let query = try XMLTree.parse(html: Data(output.utf8), sourceName: "xss.html")
                #expect(try query.select("//script | //iframe | //object | //embed | //svg | //math | //img | //video | //audio | //form | //base").isEmpty)
                #expect(try query.select("//*[@*[starts-with(name(), 'on')]]").isEmpty)
                #expect(try query.string("count(//a[@href])") != "0")
                // What a browser would take as the scheme (WHATWG URL parsing: leading C0 controls and
                // spaces stripped, tabs and newlines removed) is never anything but http(s) or mailto.
                for link in try query.select("//a[@href]") {
                    let href = String(String.UnicodeScalarView((link.attribute("href") ?? "").unicodeScalars
                        .drop { $0.value <= 0x20 }.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
                    if let match = href.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) {
                        #expect(["http:", "https:", "mailto:"].contains(href[match].lowercased()), "\(href)")
                    }
                }
            }
        }
    }
}
