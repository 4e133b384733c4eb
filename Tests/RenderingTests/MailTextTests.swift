import Content
import Foundation
import Rendering
import Testing
import TestSupport

/// The plain-text part of the bundled newsletters, as a reader of the e-mail sees it.
@Suite("Newsletter e-mail: the written plain-text part")
struct MailTextTests {
    static func text(_ file: String, _ language: String) throws -> String {
        let document = try ContentLoader().load(file: Corpus.projectFile(file))
        let text = try RenderingTests.renderer().mailText(document, language: language)
        // For a person to look at (the session note quotes it).
        try? text.write(toFile: FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(language).txt").path, atomically: true, encoding: .utf8)
        return text
    }

    @Test("72 columns as format=flowed, headings underlined, no soft hyphen, no markup, no term note",
          arguments: ["content/newsletter-2019-07.xml", "content/newsletter-2021-01.xml"], ["fr", "de"])
    func layout(file: String, language: String) throws {
        let text = try Self.text(file, language)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 72 || !$0.contains(" ") }, "\(lines.filter { $0.count > 72 })")
        #expect(!text.contains("\u{00AD}") && !text.contains("<") && !text.contains("&"))
        // The title, underlined with "=" (as long as the title, or as the width when it wraps).
        let underline = try #require(lines.first { !$0.isEmpty && $0.allSatisfy { $0 == "=" } })
        #expect(underline.count == min(lines[0].count, 71) || lines[0].count > 60)
    }

    @Test("links are numbered where they are and listed at the end")
    func links() throws {
        let text = try Self.text("content/newsletter-2019-07.xml", "de")
        #expect(text.contains("\nLinks\n-----\n[1] "), "\(text.suffix(200))")
        #expect(text.contains(" [1]"), "a link's text carries its number")
    }

    @Test("French typography and dates stay: no-break spaces before the double punctuation, 1er, h for hours")
    func typography() throws {
        let text = try Self.text("content/newsletter-2019-07.xml", "fr")
        #expect(text.contains("\u{00A0}:") || text.contains("\u{202F};") || text.contains("\u{202F}!"), "French spacing")
        #expect(text.contains("2019"))
    }
}
