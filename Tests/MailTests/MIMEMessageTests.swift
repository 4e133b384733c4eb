import Foundation
@testable import Mail
import Testing
import TestSupport

/// Messages as a mail program reads them: Python's `email` package (the standard
/// library's parser, written by others) parses what ``MIMEMessage`` writes.
@Suite("MIME messages: headers, quoted-printable, format=flowed")
struct MIMEMessageTests {
    static let date = Date(timeIntervalSince1970: 1_796_204_400)  // 2026-12-02 09:40:00 UTC

    static func sample() throws -> MIMEMessage {
        let sender = try MailAddress(name: "Cluster ESS · Grande Région", address: "lettre@cluster.example")
        let reader = try MailAddress(name: "Jürgen Müller, Saarbrücken", address: "jm@example.de")
        var message = try MIMEMessage(from: sender, to: [reader], subject: "La Lettre n° 3 : l’économie sociale et solidaire, de part et d’autre des frontières",
                                      date: date, messageID: "<nl-3.fr@cluster.example>")
        try message.setHeader("Content-Language", "fr")
        let text = FlowedText.wrap("Le cluster a réuni plus de 80 entreprises de l’économie sociale et solidaire le 20 juin 2019 à Mont-Saint-Martin, pour une convention d’affaires.\n\nFrom now on = Grande Région.\n. fin")
        message.alternatives = [
            .init(type: "text/plain; charset=utf-8; format=flowed", text: text),
            .init(type: "text/html; charset=utf-8", text: "<p lang=\"fr\">Le cluster a réuni <strong>80</strong> entreprises – « bravo » !</p>\n" + String(repeating: "é", count: 120)),
        ]
        return message
    }

    @Test("Python's email package reads two parts, plain text first, UTF-8 quoted-printable, with the headers as written")
    func readBack() throws {
        let message = try Self.sample()
        let result = try PythonEmail.parse(message.bytes)
        #expect(result["subject"] as? String == "La Lettre n° 3 : l’économie sociale et solidaire, de part et d’autre des frontières")
        #expect(result["from"] as? String == "Cluster ESS · Grande Région <lettre@cluster.example>")
        #expect(result["to"] as? String == "\"Jürgen Müller, Saarbrücken\" <jm@example.de>")
        #expect(result["date"] as? String == "Wed, 02 Dec 2026 09:40:00 +0000")
        #expect(result["type"] as? String == "multipart/alternative" && result["language"] as? String == "fr")
        let parts = try #require(result["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
        #expect(parts.allSatisfy { $0["charset"] as? String == "utf-8" && $0["cte"] as? String == "quoted-printable" })
        #expect(parts.first?["format"] as? String == "flowed")
        let html = parts.last?["text"] as? String ?? ""
        #expect(html.contains("« bravo » !") && html.hasSuffix(String(repeating: "é", count: 120)))
        // Flowed lines end with a space where they were cut; joined again they are the paragraph.
        let plain = (parts.first?["text"] as? String ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        let joined = plain.replacingOccurrences(of: " \n", with: " ")
        #expect(joined.contains("80 entreprises de l’économie sociale et solidaire le 20 juin 2019 à Mont-Saint-Martin, pour une convention d’affaires."), "\(plain)")
        #expect(plain.contains("\n From now on = Grande Région."), "space-stuffed")
        #expect((result["defects"] as? [String])?.isEmpty == true, "\(result["defects"] ?? "")")
    }

    @Test("every line ends in CRLF and fits 78 characters; the same message gives the same bytes")
    func lines() throws {
        let text = try Self.sample().text
        let lines = text.components(separatedBy: "\r\n")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines.filter { $0.utf8.count > 78 })")
        #expect(try Self.sample().bytes == Self.sample().bytes)
        // A line starting with "From " or "." is encoded, so that no relay changes it.
        #expect(QuotedPrintable.encode("From now on = Région.\n. fin") == "=46rom now on =3D R=C3=A9gion.\r\n=2E fin")
        #expect(text.contains("\r\n=2E fin"))
    }

    @Test("a line break in a header value is refused (header injection), and an address must be an address")
    func injection() throws {
        let sender = try MailAddress(address: "lettre@cluster.example")
        #expect(throws: MailError.lineBreakInHeader(name: "Subject", source: "settings")) {
            try MIMEMessage(from: sender, subject: "Lettre\r\nBcc: everyone@example.org", date: Self.date, messageID: "<1@x.example>")
        }
        var message = try MIMEMessage(from: sender, subject: "Lettre", date: Self.date, messageID: "<1@x.example>")
        #expect(throws: MailError.self) { try message.setHeader("List-Unsubscribe", "<https://x.example/u>\nBcc: a@b.example") }
        #expect(throws: MailError.self) { try MailAddress(address: "no address") }
        #expect(throws: MailError.self) { try MailAddress(name: "Evil\nBcc: x@y.example", address: "a@b.example") }
        // "\r\n" is one Character: it must be caught all the same.
        #expect(throws: MailError.self) { try MailAddress(name: "Evil\r\nBcc: x@y.example", address: "a@b.example") }
        #expect(throws: MailError.self) { try MailAddress(address: "a@b.example\r\nBcc: x@y.example") }
    }

    @Test("format=flowed: wrapped at 72 with a space before each soft break; long words whole; stuffing")
    func flowed() {
        let wrapped = FlowedText.wrap(String(repeating: "économie ", count: 20) + "\n>cité\nFrom here\n-- ")
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 72 })
        #expect(lines.dropLast(3).dropLast().allSatisfy { $0.hasSuffix(" ") })
        #expect(lines.suffix(3) == [" >cité", " From here", "-- "])
        let long = String(repeating: "x", count: 100)
        #expect(FlowedText.wrap("a " + long) == "a \n" + long)
    }

    @Test("encoded-words stay under 75 characters and never cut a character")
    func encodedWords() {
        let encoded = EncodedWord.encode(String(repeating: "é", count: 60) + "€")
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1 && words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        #expect(EncodedWord.encode("Lettre 3") == "Lettre 3")
        #expect(EncodedWord.base64(Array("Man".utf8)) == "TWFu" && EncodedWord.base64(Array("Ma".utf8)) == "TWE=")
    }
}
