import Content
import Foundation
import Mail
import Rendering
import Testing
import TestSupport

/// The bundled newsletters as the e-mail messages the communication team sends.
@Suite("Newsletter e-mail: the messages")
struct NewsletterMailerTests {
    static let date = Date(timeIntervalSince1970: 1_796_204_400)

    static func messages(_ file: String) throws -> [NewsletterMailer.Message] {
        let mailer = NewsletterMailer(renderer: try RenderingTests.renderer(),
                                      settings: try MailSettings.load(file: Corpus.projectFile("content/mail.toml")))
        return try mailer.messages(for: try ContentLoader().load(file: Corpus.projectFile(file)), date: date)
    }

    @Test("one message per language; Python's email package reads plain text then HTML, with the list headers",
          arguments: ["content/newsletter-2019-07.xml", "content/newsletter-2021-01.xml"])
    func messages(file: String) throws {
        let messages = try Self.messages(file)
        #expect(messages.map(\.language) == ["fr", "de"])
        for message in messages {
            let parsed = try PythonEmail.parse(Array(message.eml.utf8))
            let parts = try #require(parsed["parts"] as? [[String: Any]])
            #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
            let headers = try #require(parsed["headers"] as? [String: String])
            #expect(headers["Content-Language"] == message.language && headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
            #expect(headers["List-Unsubscribe"]?.contains("<https://cluster-ess.example/desinscription?email={email}>") == true)
            #expect(headers["List-Unsubscribe"]?.contains("<mailto:desinscription@cluster-ess.example") == true)
            #expect(headers["Message-ID"]?.hasSuffix("@cluster-ess.example>") == true && headers["Reply-To"] == "contact@cluster-ess.example")
            #expect((parsed["defects"] as? [String])?.isEmpty == true)
            #expect(message.eml.utf8.count < NewsletterMailer.sizeLimit, "\(message.eml.utf8.count) bytes")
        }
    }

    @Test("the HTML: no data: URI, no script, no event handler, no form, no external CSS; every img with alt, width and an https src")
    func html() throws {
        for message in try Self.messages("content/newsletter-2019-07.xml") {
            let html = message.html
            for forbidden in ["data:", "<script", "<form", "<link", " onerror=", " onload=", " onclick="] {
                #expect(!html.lowercased().contains(forbidden), "\(forbidden) in the \(message.language) HTML")
            }
            let images = html.components(separatedBy: "<img ").dropFirst()
            #expect(!images.isEmpty)
            for image in images {
                #expect(image.contains(" alt=\"") && image.contains(" width=\"") && image.hasPrefix("src=\"https://"), "\(image.prefix(120))")
            }
            #expect(html.contains("role=\"presentation\"") && html.contains("<!--[if mso | IE]>") && html.contains("prefers-color-scheme"))
            #expect(html.contains("<html lang=\"\(message.language)\" dir=\"ltr\""))
            // The other language's message and the web version are linked; relative links made absolute.
            let other = message.language == "fr" ? "de" : "fr"
            #expect(html.contains("href=\"https://cluster-ess.example/lettre/newsletter-2019-07-\(other).html\""))
            #expect(html.contains("href=\"https://cluster-ess.example/lettre/newsletter-2019-07-\(message.language).html\""))
            #expect(!html.contains("href=\"charter.html\"") && message.eml.contains("https://cluster-ess.example/lettre/charter.html"))
            #expect(message.assets.map(\.name) == ["greater-region.svg"])
        }
    }

    @Test("the preheader is the document's summary, in the message's language, hidden")
    func preheader() throws {
        let messages = try Self.messages("content/newsletter-2021-01.xml")
        let expected = ["fr": "Une année 2020 passée en ligne, et les trois objectifs du cluster pour 2021.",
                        "de": "Ein Jahr 2020 online und die drei Ziele des Clusters für 2021."]
        for message in messages {
            let hidden = try #require(message.html.range(of: "mso-hide:all\">"))
            #expect(message.html[hidden.upperBound...].hasPrefix(try #require(expected[message.language])), "\(message.language)")
        }
    }

    @Test("the same input gives the same bytes")
    func reproducible() throws {
        #expect(try Self.messages("content/newsletter-2021-01.xml").map(\.eml) == Self.messages("content/newsletter-2021-01.xml").map(\.eml))
    }
}

/// A letter as an editor writes it, with what broke the first e-mails: a long German
/// compound on a phone, two images of the same name in two folders.
@Suite("Newsletter e-mail: an editor's own letter")
struct EditorLetterTests {
    /// A 1 × 1 PNG.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                           0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89])

    static func letter(in folder: URL) throws -> [NewsletterMailer.Message] {
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("images/\(name)"), withIntermediateDirectories: true)
            try png.write(to: folder.appendingPathComponent("images/\(name)/logo.png"))
        }
        let file = folder.appendingPathComponent("lettre.xml").path
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <document xmlns="urn:passerelle:content:1" kind="newsletter" id="lettre-2026-03" languages="fr de">
          <meta><title><text xml:lang="fr">La Lettre</text><text xml:lang="de">Der Brief</text></title>
            <subtitle><text xml:lang="fr">Mars 2026</text><text xml:lang="de">März 2026</text></subtitle></meta>
          <section id="s"><heading><text xml:lang="fr">Actualités</text><text xml:lang="de">Aktuelles</text></heading>
            <p id="p"><text xml:lang="fr">La Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung change.</text>
                      <text xml:lang="de">Die Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung ändert sich.</text></p>
            <figure id="f1" src="images/a/logo.png"><alt><text xml:lang="fr">Logo A</text><text xml:lang="de">Logo A</text></alt></figure>
            <figure id="f2" src="images/b/logo.png"><alt><text xml:lang="fr">Logo B</text><text xml:lang="de">Logo B</text></alt></figure>
          </section>
        </document>
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let mailer = NewsletterMailer(renderer: try RenderingTests.renderer(),
                                      settings: try MailSettings.load(file: Corpus.projectFile("content/mail.toml")))
        return try mailer.messages(for: try ContentLoader().load(file: file), date: NewsletterMailerTests.date, contentRoot: folder.path)
    }

    @Test("a long compound breaks instead of widening the message at 375 px; the subtitle is in the subject")
    func longWord() throws {
        let folder = try TemporaryFolder.make("editor-letter")
        defer { TemporaryFolder.remove(folder) }
        let messages = try Self.letter(in: folder)
        let german = try #require(messages.first { $0.language == "de" })
        let layout = try TemporaryFolder.make("editor-layout")
        defer { TemporaryFolder.remove(layout) }
        let (scroll, client) = try EmailLayoutTests.widths(german.html, width: 375, in: layout)
        #expect(scroll <= client, "\(scroll) px of content in \(client) px")
        #expect(german.html.contains("\u{00AD}"), "soft hyphens in long words")
        let subject = try #require(try PythonEmail.parse(Array(german.eml.utf8))["subject"] as? String)
        #expect(subject == "Der Brief – März 2026")
    }

    @Test("two images of the same name in two folders are published under two names")
    func sameName() throws {
        let folder = try TemporaryFolder.make("editor-letter")
        defer { TemporaryFolder.remove(folder) }
        let french = try #require(try Self.letter(in: folder).first)
        #expect(french.assets.map(\.name) == ["logo.png", "logo-2.png"])
        #expect(french.html.contains("images/logo.png\"") && french.html.contains("images/logo-2.png\""))
        // The plain text ends with the web version, the other language and the unsubscribe link.
        let text = try #require((try PythonEmail.parse(Array(french.eml.utf8))["parts"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(text.contains("-- \n") || text.contains("-- \r\n"))
        #expect(text.contains("Deutsch: https://cluster-ess.example/lettre/lettre-2026-03-de.html") && text.contains("Se désinscrire: https://"))
    }
}
