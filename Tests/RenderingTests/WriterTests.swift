import Foundation
@testable import Rendering
import Testing

/// Each format's writer on its own: how it refers to images and what it composes for its
/// templates (the goldens test them together, through whole documents).
@Suite("Writers: HTML, Markdown, text")
struct WriterTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47])

    static func image(_ path: String) -> RenderedImage {
        RenderedImage(source: .local(path: path, mediaType: "image/png", data: png), written: "images/logo.png", width: 4, height: 2)
    }

    @Test("HTML embeds a local image (the page stays one file) and keeps a remote one's https URL")
    func htmlImages() {
        let writer = HTMLWriter()
        #expect(writer.source(of: Self.image("/content/images/logo.png"), output: "/out/page.html") == "data:image/png;base64,iVBORw==")
        let remote = RenderedImage(source: .remote(url: "https://example.org/a.jpg"), written: "https://example.org/a.jpg", width: 0, height: 0)
        #expect(writer.source(of: remote, output: "/out/page.html") == "https://example.org/a.jpg")
        #expect(writer.hyphenates && writer.embedsStylesheet)
    }

    @Test("Markdown and text refer to a local image from the output's folder, percent-encoding what a link target cannot hold")
    func textualImages() {
        let image = Self.image("/work/content/images/logo (2021) été.png")
        #expect(MarkdownWriter().source(of: image, output: "/work/out/letter.md") == "../content/images/logo%20%282021%29%20%C3%A9t%C3%A9.png")
        #expect(TextWriter().source(of: image, output: "/work/content/letter.txt") == "images/logo%20%282021%29%20%C3%A9t%C3%A9.png")
        #expect(!MarkdownWriter().hyphenates && !TextWriter().embedsStylesheet)
    }

    static func quoteRow() -> [String: Any] {
        ["isQuote": true, "cells": [["column": "fr", "content": "Coopérer", "attribution": "Marie Curie"],
                                    ["column": "de", "content": "Kooperieren", "attribution": "Marie Curie", "notice": "veraltet"]]]
    }

    @Test("Markdown composes a cell with hard breaks and one line for tables; text with line feeds, in columns")
    func composites() {
        var markdown = Self.quoteRow()
        MarkdownWriter().addComposites(to: &markdown)
        let cells = markdown["cells"] as? [[String: Any]] ?? []
        #expect(cells.first?["text"] as? String == "Coopérer\\\n— Marie Curie")
        #expect(cells.first?["tableCell"] as? String == "Coopérer<br>— Marie Curie")
        #expect(cells.last?["text"] as? String == "[veraltet] Kooperieren\\\n— Marie Curie")
        #expect(markdown["columns"] == nil)

        var text = Self.quoteRow()
        TextWriter().addComposites(to: &text)
        #expect((text["cells"] as? [[String: Any]])?.first?["text"] as? String == "Coopérer\n— Marie Curie")
        let columns = text["columns"] as? String ?? ""
        #expect(columns.contains("Coopérer") && columns.contains("Kooperieren") && columns.split(separator: "\n").count == 2, "\(columns)")
    }

    @Test("a figure: Markdown shows the image (in the first table cell), text says what it shows")
    func figures() {
        let row: [String: Any] = ["isFigure": true, "hasImage": true, "images": [["src": "images/logo.png", "alt": "Logo"]],
                                  "cells": [["column": "fr", "plain": "Logo", "caption": "Le logo"]]]
        var markdown = row
        MarkdownWriter().addComposites(to: &markdown)
        let cell = (markdown["cells"] as? [[String: Any]])?.first
        #expect(cell?["text"] as? String == "Le logo")
        #expect(cell?["tableCell"] as? String == "![Logo](images/logo.png)<br>Le logo")
        var text = row
        TextWriter().addComposites(to: &text)
        #expect((text["cells"] as? [[String: Any]])?.first?["text"] as? String == "[Logo]\nLe logo")
    }

    @Test("headings are underlined in Markdown and text; HTML composes nothing")
    func headings() {
        let row: [String: Any] = ["isHeading": true, "headingLevel": 3, "cells": [["column": "fr", "content": "Article", "marker": "Article 3"]]]
        var text = row
        TextWriter().addComposites(to: &text)
        let cell = (text["cells"] as? [[String: Any]])?.first
        #expect(cell?["text"] as? String == "Article 3 – Article")
        #expect(cell?["underline"] as? String == String(repeating: "-", count: "Article 3 – Article".count))
        var html = row
        HTMLWriter().addComposites(to: &html)
        #expect((html["cells"] as? [[String: Any]])?.first?["text"] == nil)
        #expect(MarkdownWriter().bullet == "-" && TextWriter().bullet == "•" && HTMLWriter().bullet == "•")
    }
}
