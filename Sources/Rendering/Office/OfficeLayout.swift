import Content
import Foundation
import Linguistics

/// What an office document holds, in the order of its layout, written by an
/// ``OfficeFormat``: parallel is a table with one row per aligned unit (and a header row
/// of language names); stacked, interleaved and single are flowing text (stacked: each
/// language's whole document on its own pages).
struct OfficeLayout {
    let document: RenderedDocument
    let layout: RenderOptions.Layout
    let inline: InlineRenderer

    /// The width of the text on the page, in cm (A4 less the margins).
    let textWidth: Double

    /// The document's body.
    func body(in format: OfficeFormat) -> String {
        let languages = document.languages
        switch layout {
        case .parallel where languages.count > 1:
            var rows = [languages.indices.map { titleBlock(at: $0, in: format) }]
            for section in document.sections {
                for row in section.rows { rows.append(languages.indices.map { cell(of: row, at: $0, in: format, columns: languages.count) }) }
            }
            if let glossary = glossaryRow(in: format) { rows.append(glossary) }
            let header = languages.map { format.paragraph(.tableHeader, language: $0, format.markup.escape(MustacheAdapter.languageName($0))) }
            return format.table(languages: languages, header: header, rows: rows)
        case .interleaved:
            var body = languages.indices.map { titleBlock(at: $0, in: format) }.joined()
            for section in document.sections {
                for row in section.rows { body += languages.indices.map { cell(of: row, at: $0, in: format, columns: 1) }.joined() }
            }
            return body + (glossaryRow(in: format)?.joined() ?? "")
        case .parallel, .stacked, .single:
            let glossary = glossaryRow(in: format)
            return languages.indices.map { index in
                var part = titleBlock(at: index, in: format)
                for section in document.sections {
                    for row in section.rows { part += cell(of: row, at: index, in: format, columns: 1) }
                }
                return part + (glossary?[index] ?? "")
            }.joined(separator: format.pageBreak)
        }
    }

    /// The running title: every language's title, "Charte … · Charta …".
    var runningTitle: String {
        document.title.compactMap { $0.text.map(InlineRenderer.plain) }.joined(separator: " · ")
    }

    // MARK: Cells

    private func titleBlock(at index: Int, in format: OfficeFormat) -> String {
        let language = document.languages[index]
        var block = paragraphs(of: document.title[index], style: .title, in: format)
        if let subtitle = document.subtitle?[index] { block += paragraphs(of: subtitle, style: .subtitle, in: format) }
        block += format.paragraph(.meta, language: language, format.markup.escape(document.meta[index]))
        if document.hasAuthors { block += format.paragraph(.meta, language: language, format.markup.escape(document.authors[index])) }
        return block
    }

    /// One language's part of a row: its paragraphs, a badge first when the translation
    /// is missing or outdated.
    private func cell(of row: RenderedRow, at index: Int, in format: OfficeFormat, columns: Int) -> String {
        let language = document.languages[index]
        let markup = format.markup
        switch row.kind {
        case let .heading(level):
            let marker = row.cellMarkers.map { markup.escape($0[index] + " – ") } ?? ""
            return paragraphs(of: row.cells[index], style: .heading(max(1, level - 1)), in: format, prefix: marker)
        case .paragraph:
            return paragraphs(of: row.cells[index], style: .body, in: format)
        case let .item(number):
            guard let number else { return paragraphs(of: row.cells[index], style: .bullet, in: format) }
            return paragraphs(of: row.cells[index], style: .numbered, in: format, prefix: markup.escape("\(number).") + format.tab)
        case .clause:
            return paragraphs(of: row.cells[index], style: .clause, in: format, prefix: row.marker.map { markup.escape($0) + format.tab } ?? "")
        case .quote:
            var text = paragraphs(of: row.cells[index], style: .quote, in: format)
            if let attribution = row.attribution?[index] {
                text += paragraphs(of: attribution, style: .attribution, in: format, prefix: markup.escape("— "))
            }
            return text
        case .figure:
            return figure(row, at: index, in: format, columns: columns)
        case .details:
            guard let details = row.details?[index] else { return format.paragraph(.details, language: language, "") }
            return self.details(details, in: format)
        case let .question(number, answer):
            var text = paragraphs(of: row.cells[index], style: .question, in: format, prefix: markup.escape("\(number).") + format.tab)
            switch answer {
            case let .lines(count):
                let width = textWidth / Double(columns) - 1.4
                text += String(repeating: format.answerLine(language: language, width: width), count: count)
            case let .box(count): text += String(repeating: format.paragraph(.answerBox, language: language, ""), count: count)
            case .yesNo:
                let labels = Labels.for(language)
                text += format.paragraph(.choice, language: language, markup.escape("☐ \(labels.yes)") + format.tab + markup.escape("☐ \(labels.no)"))
            }
            return text
        case .signature:
            guard let signature = row.signature?[index] else { return format.paragraph(.signatureLine, language: language, "") }
            return self.signature(signature, in: format)
        }
    }

    /// A cell's text in `style` (an empty paragraph when there is none: a table cell needs one).
    private func paragraphs(of cell: RenderedCell, style: OfficeStyle, in format: OfficeFormat, prefix: String = "") -> String {
        var text = ""
        if cell.state != .current, let notice = cell.notice {
            text += format.paragraph(.badge, language: cell.column, format.markup.escape("[\(notice)]"))
        }
        let content = cell.text.map { inline.render($0) } ?? ""
        return text + format.paragraph(style, language: cell.language, prefix + content)
    }

    private func figure(_ row: RenderedRow, at index: Int, in format: OfficeFormat, columns: Int) -> String {
        let cell = row.cells[index]
        let alt = cell.text.map(InlineRenderer.plain) ?? ""
        var text = ""
        if let image = row.image, let embedded = format.image(image, alt: alt, language: cell.language, maxWidth: textWidth / Double(columns) - 0.6) {
            text += embedded
        } else {
            text += format.paragraph(.caption, language: cell.language, format.markup.escape("[\(alt)]"))
        }
        if let caption = row.captions?[index] { text += paragraphs(of: caption, style: .caption, in: format) }
        if let credit = row.credits?[index] { text += paragraphs(of: credit, style: .credit, in: format) }
        return text
    }

    private func details(_ details: DetailsCell, in format: OfficeFormat) -> String {
        let markup = format.markup
        let language = details.column
        var lines: [String] = []
        func line(_ label: String?, _ value: String?) {
            guard let label, let value else { return }
            lines.append(markup.strong(markup.escape(Typographer.labelled(label, language: language))) + value)
        }
        line(details.whenLabel, details.when.map(markup.escape))
        line(details.placeLabel, details.place?.text.map { inline.render($0) })
        line(details.deadlineLabel, details.deadline.map(markup.escape))
        if let link = details.link {
            lines.append(markup.link(href: link, markup.escape(details.linkLabel ?? link)))
        }
        return lines.map { format.paragraph(.details, language: language, $0) }.joined()
    }

    /// Who signs, then each line: its label, what the source prints on it or a line to
    /// write on (the tab's leader); the signature line last, with room above it.
    private func signature(_ signature: SignatureCell, in format: OfficeFormat) -> String {
        let markup = format.markup
        var text = signature.heading.map { paragraphs(of: $0, style: .signatory, in: format) } ?? ""
        for (index, line) in signature.lines.enumerated() {
            let value = line.text?.text.map { inline.render($0) } ?? line.plain.map(markup.escape)
            let content = markup.escape(Typographer.labelled(line.label, language: signature.column)) + (value ?? format.tab)
            text += format.paragraph(index == signature.lines.count - 1 ? .signatureLast : .signatureLine, language: signature.column, content)
        }
        return text
    }

    /// The glossary appendix, one cell per language, when asked for.
    private func glossaryRow(in format: OfficeFormat) -> [String]? {
        guard !document.glossary.isEmpty else { return nil }
        let markup = format.markup
        return document.glossary.map { column in
            var text = format.paragraph(.heading(1), language: column.language, markup.escape(column.label))
            for entry in column.entries {
                var content = markup.strong(markup.escape(entry.term))
                if let definition = entry.definition { content += markup.escape(" — \(definition) (\(entry.source))") }
                if !entry.equivalents.isEmpty { content += markup.lineBreak + markup.escape(entry.equivalents) }
                text += format.paragraph(.body, language: column.language, content)
            }
            return text
        }
    }
}
