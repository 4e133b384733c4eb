import Base
import Content
import Foundation
import Mail
import XMLSupport

/// A newsletter as e-mail messages, one per language: the written plain-text part
/// (``MailTextWriter``) and the MJML-style HTML part (``EmailHTMLWriter``) in one
/// multipart/alternative message, with the headers mailing lists need (List-Unsubscribe
/// with its one-click POST, Content-Language), images referred to where they are published
/// (``MailSettings/imageBase``) and listed for upload.
///
/// ```swift
/// let mailer = NewsletterMailer(renderer: renderer, settings: try MailSettings.load(file: "content/mail.toml"))
/// for message in try mailer.messages(for: letter, languages: ["fr", "de"], date: Date()) { ... }
/// ```
public struct NewsletterMailer: Sendable {
    public let renderer: DocumentRenderer
    public let settings: MailSettings
    /// A message above this size is clipped by Gmail (about 102 KB): a warning, an error with `strict`.
    public static let sizeLimit = 90 * 1024
    /// An image above this size is slow to load: a warning.
    public static let imageLimit = 200 * 1024

    public init(renderer: DocumentRenderer, settings: MailSettings) {
        self.renderer = renderer
        self.settings = settings
    }

    /// One message.
    public struct Message: Sendable {
        public let language: String
        /// The whole message (RFC 5322, CRLF).
        public let eml: String
        /// The HTML part alone, for mailing tools that take HTML (listmonk, Mautic ...).
        public let html: String
        /// Local images the HTML refers to at the image base URL: where they are, and the
        /// name they must be published under.
        public let assets: [(file: String, name: String)]
        public let warnings: [Diagnostic]
    }

    /// The messages of `document` in `languages` (default: every language of the document).
    ///
    /// - Throws: ``RenderingError/invalid(_:)`` for a language the document lacks, a header
    ///   value with a line break, and with `strict` a missing or outdated translation or a
    ///   message over ``sizeLimit``.
    public func messages(for document: ContentDocument, languages: [String]? = nil, date: Date,
                         strict: Bool = false, contentRoot: String? = nil) throws(RenderingError) -> [Message] {
        let wanted = languages ?? document.languages
        for language in wanted where !document.languages.contains(where: { $0.lowercased() == language.lowercased() }) {
            throw .invalid([Diagnostic(file: document.file, line: 0,
                                       message: "the document has no \(language) text; it declares \(document.languages.joined(separator: " "))")])
        }
        let annotator = TermAnnotator(termbase: renderer.termbase, languages: document.languages)
        let problems = annotator.problems(in: document)
        if !problems.isEmpty { throw .invalid(problems) }
        return try wanted.map { language throws(RenderingError) in
            try message(document, language: language, others: document.languages.filter { $0 != language }, annotator: annotator,
                        date: date, strict: strict, contentRoot: contentRoot)
        }
    }

    private func message(_ document: ContentDocument, language: String, others: [String], annotator: TermAnnotator, date: Date,
                         strict: Bool, contentRoot: String?) throws(RenderingError) -> Message {
        let root = contentRoot ?? URL(fileURLWithPath: document.file).deletingLastPathComponent().path
        var builder = RenderModelBuilder(document: document, languages: [language], annotator: annotator, contentRoot: root, glossaryAppendix: false)
        let rendered = builder.build()
        var warnings = builder.warnings
        let web = settings.webVersion(document: document.id, language: language)

        var assets: [(file: String, name: String)] = []
        let links = EmailHTMLWriter.Links(
            webVersion: web, otherLanguages: others.map { ($0, settings.webVersion(document: document.id, language: $0)) },
            unsubscribe: settings.unsubscribe, base: web, sender: settings.sender.name ?? settings.sender.address)
        // Soft hyphens for long words (a German compound must not widen the message on a phone).
        let hyphenation = Hyphenation.prepare(document, languages: [language], warnings: &warnings)
        let writer = EmailHTMLWriter(annotator: annotator, links: links, hyphenation: hyphenation) { image in
            switch image.source {
            case let .remote(url):
                return url.hasPrefix("https://") ? url : nil
            case let .local(path, _, data):
                // Published flat, by file name: another file of the same name gets a number.
                var name = (path as NSString).lastPathComponent
                if let known = assets.first(where: { $0.file == path }) {
                    name = known.name
                } else {
                    var number = 1
                    let stem = (name as NSString).deletingPathExtension, ending = (name as NSString).pathExtension
                    while assets.contains(where: { $0.name == name }) {
                        number += 1
                        name = "\(stem)-\(number)" + (ending.isEmpty ? "" : ".\(ending)")
                    }
                    assets.append((path, name))
                }
                if data.count > Self.imageLimit {
                    warnings.append(Diagnostic(file: document.file, line: 0, message: "image '\(image.written)' is \(data.count / 1024) KB: "
                        + "over \(Self.imageLimit / 1024) KB it is slow to open on a phone; save a smaller copy", severity: .warning))
                }
                if path.lowercased().hasSuffix(".svg") {
                    warnings.append(Diagnostic(file: document.file, line: 0, message: "image '\(image.written)' is SVG, which Gmail and Outlook "
                        + "do not show (they show its alt text): publish a PNG of it", severity: .warning))
                }
                var allowed = CharacterSet.urlPathAllowed
                allowed.remove(charactersIn: "/?#")
                return settings.imageBase + (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)
            }
        }
        // Each issue its own subject: the title, then the subtitle (else the issue and date).
        let title = rendered.title.first?.text.map { InlineRenderer.plain($0) } ?? document.id
        let second = rendered.subtitle?.first?.text.map { InlineRenderer.plain($0) } ?? rendered.meta.first
        let subject = [title, second].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " – ")
        let html = writer.html(of: rendered, preheader: Self.preheader(rendered))
        var textWriter = MailTextWriter(annotator: annotator, base: web)
        let labels = EmailLabels.for(language)
        textWriter.footer = ["\(labels.webVersion): \(web)"]
            + others.map { "\(MustacheAdapter.languageName($0)): \(settings.webVersion(document: document.id, language: $0))" }
            + ["\(labels.unsubscribe): \(settings.unsubscribe)"]
        let text = textWriter.text(of: rendered)
        if html.utf8.count + text.utf8.count > Self.sizeLimit {
            warnings.append(Diagnostic(file: document.file, line: 0, message: "the \(language) message is \((html.utf8.count + text.utf8.count) / 1024) KB: "
                + "Gmail clips messages above about 102 KB; shorten it or move items to the web version", severity: .warning))
        }
        if strict && !warnings.isEmpty {
            throw .invalid(warnings.map { Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: $0.message + " (--strict)") })
        }
        do {
            var message = try MIMEMessage(from: settings.sender, subject: subject, date: date,
                                          messageID: Self.messageID(document: document.id, language: language, html: html, date: date, sender: settings.sender),
                                          source: settings.file)
            if let replyTo = settings.replyTo { try message.setHeader("Reply-To", replyTo.header(used: 10), source: settings.file) }
            try message.setHeader("Content-Language", language, source: settings.file)
            var unsubscribe = "<\(settings.unsubscribe)>"
            if let mailto = settings.unsubscribeMailto { unsubscribe += ",\r\n <mailto:\(mailto)?subject=unsubscribe>" }
            try message.setHeaderFolded("List-Unsubscribe", unsubscribe, source: settings.file)
            try message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click", source: settings.file)
            message.alternatives = [.init(type: "text/plain; charset=utf-8; format=flowed", text: text),
                                    .init(type: "text/html; charset=utf-8", text: html)]
            return Message(language: language, eml: message.text, html: html, assets: assets, warnings: warnings)
        } catch {
            throw .invalid(error.diagnostics)
        }
    }

    /// The line clients show after the subject: the summary, else the subtitle, else the
    /// beginning of the first paragraph.
    static func preheader(_ document: RenderedDocument) -> String {
        if let summary = document.summary?.first?.text { return InlineRenderer.plain(summary) }
        if let subtitle = document.subtitle?.first?.text { return InlineRenderer.plain(subtitle) }
        let first = document.sections.lazy.flatMap(\.rows).first { $0.kind == .paragraph }?.cells.first?.text
        let text = first.map(InlineRenderer.plain) ?? ""
        guard text.count > 140 else { return text }
        return String(text.prefix(137).split(separator: " ").dropLast().joined(separator: " ")) + "…"
    }

    /// `<DOCUMENT.LANGUAGE.HASH@DOMAIN>`: the same message at the same date gives the same id;
    /// another content, or another render date, another id (a client would hide a second
    /// message with an id it has seen).
    static func messageID(document: String, language: String, html: String, date: Date, sender: MailAddress) -> String {
        let domain = sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let hash = SourceText.fingerprint(of: Array((html + "\(date.timeIntervalSince1970)").utf8))
        let safe = String(document.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "." })
        return "<\(safe).\(language).\(String(hash, radix: 16))@\(domain)>"
    }
}
