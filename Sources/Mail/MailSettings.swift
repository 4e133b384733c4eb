import Base
import Foundation
import TOMLKit

/// How the newsletters are sent, from a small TOML file beside the content
/// (`content/mail.toml`), never from code:
///
/// ```toml
/// [sender]
/// name = "Cluster ESS Grande Région"
/// address = "lettre@cluster-ess.example"
/// reply_to = "contact@cluster-ess.example"      # optional
///
/// [links]
/// # {document}: the document's id; {lang}: the message's language.
/// web_version = "https://cluster-ess.example/lettre/{document}-{lang}.html"
/// # {email}: the recipient (`passerelle send` fills it in), or the mailing tool's own
/// # placeholder ({{ .Subscriber.UUID }} in listmonk's links, for instance).
/// unsubscribe = "https://cluster-ess.example/desinscription?email={email}"
/// unsubscribe_mailto = "desinscription@cluster-ess.example"   # optional
/// # Where the newsletter's images are published; local images are referred to there.
/// images = "https://cluster-ess.example/lettre/images/"
/// ```
///
/// Every URL is https; a missing key, a wrong value or a line break is reported with the
/// file, the key and what to write.
public struct MailSettings: Equatable, Sendable {
    public let sender: MailAddress
    public let replyTo: MailAddress?
    /// With `{document}` and `{lang}`.
    public let webVersion: String
    /// With `{email}`.
    public let unsubscribe: String
    public let unsubscribeMailto: String?
    /// Ends with "/".
    public let imageBase: String
    /// The file read.
    public let file: String

    /// The settings in `file`.
    public static func load(file: String) throws(MailError) -> MailSettings {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .settings([Diagnostic(file: file, line: 0, message: "no mail settings there: write this file (see the README, \"Sending the newsletter\") with [sender] and [links]")])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
        } catch let error as TOMLParseError {
            throw .settings([Diagnostic(file: file, line: error.source.begin.line, column: error.source.begin.column,
                                        message: "not TOML: \(error.description)")])
        } catch {
            throw .settings([Diagnostic(file: file, line: 0, message: "not TOML: \(error)")])
        }
        return try MailSettings(table, file: file)
    }

    private init(_ table: TOMLTable, file: String) throws(MailError) {
        var problems: [Diagnostic] = []
        // A mistyped key would be ignored without a word: every key must be known.
        let known = ["sender": ["name", "address", "reply_to"], "links": ["web_version", "unsubscribe", "unsubscribe_mailto", "images"]]
        for (section, value) in table {
            guard let keys = known[section] else {
                problems.append(Diagnostic(file: file, line: 0, message: "[\(section)] is not a section of the mail settings: they are [sender] and [links]"))
                continue
            }
            for (key, _) in value.table ?? TOMLTable() where !keys.contains(key) {
                problems.append(Diagnostic(file: file, line: 0, message: "\(section).\(key) is not a mail setting: [\(section)] takes \(keys.joined(separator: ", "))"))
            }
        }
        func value(_ section: String, _ key: String, required: Bool = true, example: String) -> String? {
            let found = table[section]?.table?[key]
            guard let text = found?.string else {
                if required || found != nil {
                    let what = found == nil ? "is missing" : "must be a quoted string"
                    problems.append(Diagnostic(file: file, line: 0, message: "\(section).\(key) \(what): write \(key) = \"\(example)\" under [\(section)]"))
                }
                return nil
            }
            if text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
                problems.append(Diagnostic(file: file, line: 0, message: "\(section).\(key) holds a line break: write it on one line (it goes into a mail header)"))
                return nil
            }
            return text
        }
        func https(_ section: String, _ key: String, example: String, placeholders: [String] = []) -> String? {
            guard let url = value(section, key, example: example) else { return nil }
            // Placeholders of mailing tools ({email}, {{ .Subscriber.UUID }}) may hold spaces.
            guard url.hasPrefix("https://"), url.count > "https://".count else {
                problems.append(Diagnostic(file: file, line: 0, message: "\(section).\(key) must be an https URL, e.g. \"\(example)\""))
                return nil
            }
            for placeholder in placeholders where !url.contains(placeholder) {
                problems.append(Diagnostic(file: file, line: 0, message: "\(section).\(key) has no \(placeholder): put it where it goes, e.g. \"\(example)\""))
            }
            return url
        }
        func address(_ key: String, required: Bool) -> MailAddress? {
            guard let text = value("sender", key, required: required, example: "lettre@example.org") else { return nil }
            do {
                return try MailAddress(name: key == "address" ? value("sender", "name", required: false, example: "") : nil, address: text, source: file)
            } catch {
                problems.append(Diagnostic(file: file, line: 0, message: "sender.\(key): '\(text)' is not an e-mail address: write it as name@example.org"))
                return nil
            }
        }
        let sender = address("address", required: true)
        let replyTo = address("reply_to", required: false)
        let webVersion = https("links", "web_version", example: "https://example.org/lettre/{document}-{lang}.html", placeholders: ["{lang}"])
        // {email}, or the mailing tool's own placeholder ({{ .Subscriber.UUID }} in listmonk ...).
        let unsubscribe = https("links", "unsubscribe", example: "https://example.org/desinscription?email={email}")
        let mailto = value("links", "unsubscribe_mailto", required: false, example: "desinscription@example.org")
        if let mailto, (try? MailAddress(address: mailto)) == nil {
            problems.append(Diagnostic(file: file, line: 0, message: "links.unsubscribe_mailto: '\(mailto)' is not an e-mail address"))
        }
        let images = https("links", "images", example: "https://example.org/lettre/images/")
        guard problems.isEmpty, let sender, let webVersion, let unsubscribe, let images else { throw .settings(problems) }
        self.sender = sender
        self.replyTo = replyTo
        self.webVersion = webVersion
        self.unsubscribe = unsubscribe
        unsubscribeMailto = mailto
        imageBase = images.hasSuffix("/") ? images : images + "/"
        self.file = file
    }

    /// The web version of a document in a language.
    public func webVersion(document: String, language: String) -> String {
        webVersion.replacingOccurrences(of: "{document}", with: document).replacingOccurrences(of: "{lang}", with: language)
    }
}
