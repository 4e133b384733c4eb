import Content
import Mail

/// The plain-text part of a newsletter sent by e-mail, written rather than stripped from
/// HTML: the title and headings underlined, paragraphs, list items, clauses, quotes, the
/// events' and calls' details as lines of text, figures said in words, links as numbered
/// references listed at the end, the language's typography and dates; no term notes.
/// Wrapped at 72 columns as format=flowed (``FlowedText``). One language: the message's.
struct MailTextWriter {
    let inline: InlineRenderer
    private let links: LinkReferences

    /// `base`: relative links of the content are made absolute from it (the web version).
    init(annotator: TermAnnotator, base: String? = nil) {
        let links = LinkReferences(base: base)
        self.links = links
        inline = InlineRenderer(markup: ReferenceTextMarkup(links: links), formatter: LocaleFormatter(), terms: annotator,
                                footnotes: FootnoteCollector(), termNotes: .none, hyphenation: .none)
    }

    /// The lines after the links: the web version, the other languages, the unsubscribe link.
    var footer: [String] = []

    /// The text of `document`, laid out in its first language.
    func text(of document: RenderedDocument) -> String {
        let language = document.languages.first ?? document.sourceLanguage
        var blocks: [String] = []
        let title = document.title.first.map(render) ?? ""
        blocks.append(title + "\n" + Self.underline("=", title))
        if let subtitle = document.subtitle?.first.map(render), !subtitle.isEmpty { blocks.append(subtitle) }
        if let meta = document.meta.first { blocks.append(meta) }
        for section in document.sections {
            for row in section.rows { if let block = self.block(row) { blocks.append(block) } }
        }
        if !links.all.isEmpty {
            let label = Labels.for(language).links
            blocks.append(label + "\n" + Self.underline("-", label) + "\n"
                          + links.all.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "\n"))
        }
        if !footer.isEmpty { blocks.append("-- \n" + footer.joined(separator: "\n")) }
        return FlowedText.wrap(blocks.joined(separator: "\n\n")) + "\n"
    }

    /// A heading's underline: as long as the heading, or as the width when it wraps.
    private static func underline(_ character: Character, _ heading: String) -> String {
        String(repeating: character, count: min(max(3, heading.count), FlowedText.width - 1))
    }

    private func render(_ cell: RenderedCell) -> String {
        cell.text.map { inline.render($0) } ?? ""
    }

    private func block(_ row: RenderedRow) -> String? {
        let text = row.cells.first.map(render) ?? ""
        switch row.kind {
        case let .heading(level):
            let heading = row.cellMarkers?.first.map { "\($0) – \(text)" } ?? text
            guard !heading.isEmpty else { return nil }
            return heading + "\n" + Self.underline(level <= 2 ? "=" : "-", heading)
        case .paragraph:
            return text.isEmpty ? nil : text
        case let .item(number):
            return (number.map { "\($0)." } ?? "•") + " " + text
        case .clause:
            return [row.marker, text].compactMap { $0 }.joined(separator: " ")
        case let .question(number, _):
            // A message cannot be written on: the question alone.
            return "\(number). \(text)"
        case .signature:
            return row.signature?.first.map { Self.signatureLines($0, render: render).joined(separator: "\n") }
        case .quote:
            let attribution = row.attribution?.first.map(render).flatMap { $0.isEmpty ? nil : "— " + $0 }
            return [text, attribution].compactMap { $0 }.joined(separator: "\n")
        case .figure:
            let alt = row.cells.first?.text.map { inline.plain($0) } ?? ""
            let pieces = [alt.isEmpty ? nil : "[\(alt)]", row.captions?.first.map(render), row.credits?.first.map(render)]
            let said = pieces.compactMap { $0 }.filter { !$0.isEmpty }
            return said.isEmpty ? nil : said.joined(separator: "\n")
        case .details:
            guard let details = row.details?.first else { return nil }
            var typographer = Typographer(language: details.column)
            func line(_ label: String?, _ value: String?) -> String? {
                guard let label, let value else { return nil }
                return typographer.apply(label + ": ") + value
            }
            let lines = [line(details.whenLabel, details.when), line(details.placeLabel, details.place.map(render)),
                         line(details.deadlineLabel, details.deadline),
                         details.link.map { "\(details.linkLabel ?? $0) [\(links.number(for: $0))]" }]
            return lines.compactMap { $0 }.joined(separator: "\n")
        }
    }
}

/// The links of a plain-text message, numbered in order of first use.
final class LinkReferences {
    private(set) var all: [String] = []
    let base: String?

    init(base: String? = nil) { self.base = base }

    /// The link's number, from 1; a link used again keeps its number.
    func number(for link: String) -> Int {
        let href = EmailHTMLMarkup.absolute(link, base: base)
        if let index = all.firstIndex(of: href) { return index + 1 }
        all.append(href)
        return all.count
    }
}

/// Plain text with each link as a numbered reference: "en savoir plus [1]".
struct ReferenceTextMarkup: InlineMarkup {
    let links: LinkReferences

    func escape(_ text: String) -> String { text }
    func emphasis(_ inner: String) -> String { "_\(inner)_" }
    func strong(_ inner: String) -> String { "*\(inner)*" }
    func link(href: String, _ inner: String) -> String {
        let number = links.number(for: href)
        return inner == href ? "[\(number)]" : "\(inner) [\(number)]"
    }
    var lineBreak: String { "\n" }
    func term(_ inner: String, conceptID: String, note: String?, noteKey: String, footnotes: FootnoteCollector) -> String { inner }
}

extension MailTextWriter {
    /// A signatory's lines: who signs, then "Label: value", or a line to fill in. `render`
    /// writes a translated value, `escape` a plain one, in the output's markup.
    static func signatureLines(_ signature: SignatureCell, render: (RenderedCell) -> String, escape: (String) -> String = { $0 }) -> [String] {
        var lines = signature.heading.map { [render($0)] } ?? []
        for line in signature.lines {
            let value = line.text.map(render) ?? line.plain.map(escape) ?? String(repeating: "_", count: 30)
            lines.append(escape(Typographer.labelled(line.label, language: signature.column)) + value)
        }
        return lines
    }
}
