import Content
import Foundation
import Linguistics

/// Turns a ``RenderedDocument`` into the values a theme's templates render (every name
/// is in ``ViewModelSchema``), with a ``FormatWriter`` for what differs by format. Text
/// is rendered here, escaped for the format, so templates only place it: `{{{content}}}`
/// for rendered text, `{{name}}` for plain values.
///
/// Text is rendered in document order (sections, then the title), which numbers term
/// notes and picks the first occurrence of a term.
struct MustacheAdapter {
    let writer: FormatWriter
    let inline: InlineRenderer
    let hyphenation: Hyphenation
    /// The file written (Markdown and text refer to images from its folder), else the document.
    let outputFile: String

    init(writer: FormatWriter, annotator: TermAnnotator, termNotes: RenderOptions.TermNotes, hyphenation: Hyphenation, outputFile: String) {
        self.writer = writer
        self.hyphenation = hyphenation
        self.outputFile = outputFile
        inline = InlineRenderer(markup: writer.markup, formatter: LocaleFormatter(), terms: annotator, footnotes: FootnoteCollector(),
                                termNotes: termNotes, hyphenation: hyphenation)
    }

    // MARK: Document

    func values(for document: RenderedDocument, stylesheet: String?) -> [String: Any] {
        let languages = document.languages
        let sections = document.sections.map { section -> [String: Any] in
            ["id": section.id, "level": section.level, "rows": section.rows.map(values)]
        }
        let titleCells = document.title.map(cellValues)
        let first = languages.first ?? document.sourceLanguage
        var model: [String: Any] = [
            "lang": first,
            "languages": languages.enumerated().map { index, code in
                ["code": code, "name": Self.languageName(code), "isFirst": index == 0] as [String: Any]
            },
            "columnCount": languages.count,
            "isMultilingual": languages.count > 1,
            "documentID": document.id,
            "isCharter": document.kind == .charter,
            "isNewsletter": document.kind == .newsletter,
            "titleText": titleCells.compactMap { $0["plain"] as? String }.joined(separator: " · "),
            "titleCSS": Self.cssString(titleCells.compactMap { $0["plain"] as? String }.joined(separator: " · ")),
            "titleCells": titleCells.enumerated().map { index, cell in
                var cell = cell
                cell["meta"] = document.meta[index]
                cell["authors"] = document.authors[index]
                return cell
            },
            "hasSubtitle": document.subtitle != nil,
            "subtitleCells": document.subtitle.map { $0.map(cellValues) } ?? [],
            "metaCells": zip(languages, document.meta).map { ["lang": $0, "text": $1] },
            "hasAuthors": document.hasAuthors,
            "authors": document.authors.first ?? "",
            "sections": sections,
            "css": writer.embedsStylesheet ? stylesheet ?? "" : "",
            "generator": "Passerelle",
        ]
        let notes = inline.footnotes.notes.map { ["marker": $0.marker, "text": $0.text] }
        model["hasNotes"] = !notes.isEmpty
        model["notes"] = notes
        model["notesLabel"] = Labels.for(first).notes
        model["languagesLabel"] = Labels.for(first).languages
        model["hasGlossary"] = !document.glossary.isEmpty
        model["glossary"] = document.glossary.map { column -> [String: Any] in
            ["lang": column.language, "label": column.label, "entries": column.entries.map { entry -> [String: Any] in
                var values: [String: Any] = ["term": entry.term, "conceptID": entry.conceptID, "equivalents": entry.equivalents]
                if let definition = entry.definition {
                    values["hasDefinition"] = true
                    values["definition"] = definition
                    values["source"] = entry.source
                }
                return values
            }]
        }
        return model
    }

    // MARK: Rows

    private func values(_ row: RenderedRow) -> [String: Any] {
        var result: [String: Any] = ["id": row.id, "kind": row.kindName]
        for name in ["heading", "paragraph", "item", "clause", "quote", "figure", "details", "question", "signature"] {
            result["is" + name.prefix(1).uppercased() + name.dropFirst()] = name == row.kindName
        }
        var cells = row.kind == .details || row.kind == .signature ? [] : row.cells.map(cellValues)
        switch row.kind {
        case let .heading(level):
            result["headingLevel"] = min(max(level, 1), 6)
            result["headingMarks"] = String(repeating: "#", count: min(max(level, 1), 6))
            if let markers = row.cellMarkers {
                for index in cells.indices { cells[index]["marker"] = markers[index] }
                result["hasMarker"] = true
            }
            if let link = row.link {
                result["link"] = link
                result["hasLink"] = true
            }
        case let .item(number):
            result["marker"] = number.map { "\($0)." } ?? writer.bullet
            result["ordered"] = number != nil
        case .clause:
            if let marker = row.marker { result["marker"] = marker }
        case .quote:
            if let attribution = row.attribution?.map(cellValues) {
                for index in cells.indices {
                    cells[index]["attribution"] = attribution[index]["content"]
                    cells[index]["hasAttribution"] = true
                }
            }
        case .figure:
            cells = figureCells(row, cells: cells, into: &result)
        case .details:
            cells = (row.details ?? []).map(detailsValues)
        case let .question(number, answer):
            result["marker"] = "\(number)."
            switch answer {
            case let .lines(count):
                result["isLinesAnswer"] = true
                result["answerLines"] = (0..<count).map { ["line": $0 + 1] }
            case let .box(count):
                result["isBoxAnswer"] = true
                result["answerLines"] = (0..<count).map { ["line": $0 + 1] }
            case .yesNo:
                result["isYesNoAnswer"] = true
                for index in cells.indices {
                    let labels = Labels.for(row.cells[index].column)
                    cells[index]["yesLabel"] = labels.yes
                    cells[index]["noLabel"] = labels.no
                }
            }
        case .signature:
            cells = (row.signature ?? []).map(signatureValues)
        case .paragraph:
            break
        }
        result["cells"] = cells
        writer.addComposites(to: &result)
        return result
    }

    /// A figure's cells with their alt text, caption and credit; the image once for the
    /// row (`images`), with the first language's alt: the other languages give theirs in
    /// their cell (read by screen readers, and shown by text and Markdown).
    private func figureCells(_ row: RenderedRow, cells: [[String: Any]], into result: inout [String: Any]) -> [[String: Any]] {
        let captions = row.captions?.map(cellValues)
        let credits = row.credits?.map(cellValues)
        var cells = cells.enumerated().map { index, cell in
            var cell = cell
            cell["alt"] = cell["plain"]
            if let caption = captions?[index] {
                cell["hasCaption"] = true
                cell["caption"] = caption["content"]
            }
            if let credit = credits?[index] {
                cell["hasCredit"] = true
                cell["credit"] = credit["content"]
            }
            return cell
        }
        guard let image = row.image else { return cells }
        result["images"] = [[
            "src": writer.source(of: image, output: outputFile), "width": image.width, "height": image.height,
            "alt": cells.first?["plain"] ?? "", "lang": cells.first?["lang"] ?? "",
        ] as [String: Any]]
        result["hasImage"] = true
        for index in cells.indices.dropFirst() {
            if let alt = cells[index]["plain"] as? String, !alt.isEmpty { cells[index]["otherAlt"] = alt }
        }
        return cells
    }

    private func detailsValues(_ details: DetailsCell) -> [String: Any] {
        let language = details.column
        var cell: [String: Any] = ["lang": language, "column": language]
        if let when = details.when, let label = details.whenLabel {
            cell["whenLabel"] = hyphenation.apply(label, language: language)
            cell["when"] = when
        }
        if let place = details.place, let label = details.placeLabel {
            cell["hasPlace"] = true
            cell["placeLabel"] = hyphenation.apply(label, language: language)
            cell["place"] = cellValues(place)["content"]
        }
        if let deadline = details.deadline, let label = details.deadlineLabel {
            cell["hasDeadline"] = true
            cell["deadlineLabel"] = hyphenation.apply(label, language: language)
            cell["deadline"] = deadline
        }
        if let link = details.link {
            cell["hasLink"] = true
            cell["link"] = link
            cell["linkLabel"] = details.linkLabel ?? link
        }
        return cell
    }

    private func signatureValues(_ signature: SignatureCell) -> [String: Any] {
        var cell: [String: Any] = signature.heading.map(cellValues) ?? ["lang": signature.column, "column": signature.column]
        cell["hasHeading"] = signature.heading?.text != nil
        cell["signatureLines"] = signature.lines.map { line -> [String: Any] in
            let value = line.text.flatMap { $0.text.map { inline.render($0) } } ?? line.plain.map { writer.markup.escape($0) }
            return ["label": hyphenation.apply(line.label, language: signature.column), "value": value ?? "", "hasValue": value != nil]
        }
        return cell
    }

    // MARK: Cells

    private func cellValues(_ cell: RenderedCell) -> [String: Any] {
        var values: [String: Any] = [
            "column": cell.column, "isMissing": cell.state == .missing, "isOutdated": cell.state == .outdated,
            "isFallback": cell.state == .missing && cell.text != nil,
            "lang": cell.language,
            "content": cell.text.map { inline.render($0) } ?? "",
            "plain": cell.text.map { inline.plain($0) } ?? "",
        ]
        if let notice = cell.notice { values["notice"] = notice }
        return values
    }

    // MARK: Helpers

    /// `text` as a quoted CSS string, safe inside a `<style>` element (for the running
    /// title of printed pages, which Chromium cannot take from the page with string-set).
    static func cssString(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "\"", "<", ">", "&": quoted += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: quoted += " "
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// The language's name in itself ("français", "Deutsch"), from ICU.
    static func languageName(_ code: String) -> String {
        (try? ICULocale(code).displayName(in: code)) ?? code
    }
}
