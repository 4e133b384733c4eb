import Foundation
@testable import Mail
import Testing
import TestSupport

@Suite("Mail settings (content/mail.toml)")
struct MailSettingsTests {
    static let valid = """
    [sender]
    name = "Cluster ESS Grande Région"
    address = "lettre@cluster-ess.example"
    reply_to = "contact@cluster-ess.example"

    [links]
    web_version = "https://cluster-ess.example/lettre/{document}-{lang}.html"
    unsubscribe = "https://cluster-ess.example/desinscription?email={email}"
    unsubscribe_mailto = "desinscription@cluster-ess.example"
    images = "https://cluster-ess.example/lettre/images"
    """

    static func load(_ text: String) throws -> MailSettings {
        let folder = try TemporaryFolder.make("mail-settings")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("mail.toml").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return try MailSettings.load(file: file)
    }

    static func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch let error as MailError {
            return error.diagnostics.map(\.message)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("a complete file: sender with its name, links, the image base with its slash")
    func valid() throws {
        let settings = try Self.load(Self.valid)
        #expect(settings.sender.name == "Cluster ESS Grande Région" && settings.replyTo?.address == "contact@cluster-ess.example")
        #expect(settings.webVersion(document: "nl-3", language: "de") == "https://cluster-ess.example/lettre/nl-3-de.html")
        #expect(settings.imageBase == "https://cluster-ess.example/lettre/images/")
    }

    @Test("a missing key, an http URL, a missing placeholder, a line break: each named, with what to write")
    func problems() {
        let missing = Self.problems(Self.valid.replacingOccurrences(of: "unsubscribe = \"https://cluster-ess.example/desinscription?email={email}\"\n", with: ""))
        #expect(missing == ["links.unsubscribe is missing: write unsubscribe = \"https://example.org/desinscription?email={email}\" under [links]"], "\(missing)")
        let http = Self.problems(Self.valid.replacingOccurrences(of: "https://cluster-ess.example/lettre/images", with: "http://cluster-ess.example/img"))
        #expect(http.first?.contains("links.images must be an https URL") == true, "\(http)")
        let placeholder = Self.problems(Self.valid.replacingOccurrences(of: "{document}-{lang}", with: "lettre"))
        #expect(placeholder.first?.contains("links.web_version has no {lang}") == true, "\(placeholder)")
        // A mailing tool's own placeholder is accepted; a mistyped key is not ignored.
        #expect(Self.problems(Self.valid.replacingOccurrences(of: "?email={email}", with: "/{{ .Subscriber.UUID }}")).isEmpty)
        let typo = Self.problems(Self.valid.replacingOccurrences(of: "reply_to =", with: "replyto ="))
        #expect(typo == ["sender.replyto is not a mail setting: [sender] takes name, address, reply_to"], "\(typo)")
        let injected = Self.problems(Self.valid.replacingOccurrences(of: "name = \"Cluster ESS Grande Région\"", with: "name = \"Cluster\\r\\nBcc: all@example.org\""))
        #expect(injected.first?.contains("sender.name holds a line break") == true, "\(injected)")
        let address = Self.problems(Self.valid.replacingOccurrences(of: "lettre@cluster-ess.example", with: "lettre at cluster"))
        #expect(address.first?.contains("sender.address: 'lettre at cluster' is not an e-mail address") == true, "\(address)")
    }

    @Test("a file that is not TOML is reported at its line and column")
    func syntax() throws {
        do {
            _ = try Self.load("[sender]\naddress = lettre@x.example\n")
            Issue.record("an unquoted value was accepted")
        } catch let error as MailError {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.line == 2 && diagnostic.column > 0 && diagnostic.message.hasPrefix("not TOML"), "\(diagnostic)")
        }
    }
}

@Suite("The bundled mail settings")
struct BundledMailSettingsTests {
    @Test("content/mail.toml loads")
    func bundled() throws {
        let settings = try MailSettings.load(file: Corpus.projectFile("content/mail.toml"))
        #expect(settings.sender.address == "lettre@cluster-ess.example" && settings.unsubscribe.contains("{email}"))
    }
}
