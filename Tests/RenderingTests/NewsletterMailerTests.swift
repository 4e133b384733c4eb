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
