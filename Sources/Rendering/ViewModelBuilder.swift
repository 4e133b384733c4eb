import Content
import Foundation
import Linguistics
import Terminology
import XMLSupport

/// Turns a document into the values a theme's templates render (see ``ViewModelSchema``
/// for every name). Content is rendered here, escaped for the output format, so templates
/// only place it: `{{{content}}}` for rendered text, `{{name}}` for plain values.
///
/// Rows are the unit of alignment: one row per translatable unit (a heading, a paragraph,
/// a list item, a clause ...), with one cell per language.
struct ViewModelBuilder {
    let document: ContentDocument
    let options: RenderOptions
    /// The languages shown, in column order.
    let languages: [String]
    let inline: InlineRenderer
    let formatter: LocaleFormatter
    let annotator: TermAnnotator
    /// Images are embedded (HTML) from here, never from outside it.
    let contentRoot: String
    /// Missing and outdated translations, images left out: errors with `strict`.
    private(set) var warnings: [XMLDiagnostic] = []
    /// Warnings `strict` leaves as warnings (a relative link, missing hyphenation patterns).
    let notices: [XMLDiagnostic]
    /// Translations shown with a badge: missing (the source shown instead) and outdated.
    private(set) var badges = (missing: 0, outdated: 0)

    /// Soft hyphens for HTML (none for the other formats).
    let hyphenation: Hyphenation
    /// Put before every id: the stacked layout's parts after the first repeat the units,
    /// whose ids must stay unique in the page.
    var idPrefix = ""

    init(document: ContentDocument, options: RenderOptions, languages: [String], annotator: TermAnnotator, contentRoot: String,
         hyphenation: Hyphenation = .none, notices: [XMLDiagnostic] = []) {
        self.document = document
        self.hyphenation = hyphenation
        self.notices = notices
        self.options = options
        self.languages = languages
        self.annotator = annotator
        self.contentRoot = contentRoot
        formatter = LocaleFormatter()
        let markup: InlineMarkup = switch options.format {
        case .html: HTMLMarkup()
        case .md: MarkdownMarkup()
        case .txt: TextMarkup()
        }
        inline = InlineRenderer(markup: markup, formatter: formatter, terms: annotator, footnotes: FootnoteCollector(),
                                termNotes: options.terms ?? (document.kind == .charter ? .first : .none), hyphenation: hyphenation)
    }

    // MARK: Document

    mutating func build(stylesheet: String?) -> [String: Any] {
        let metadata = document.metadata
        var sections: [[String: Any]] = []
        for section in document.sections { appendSection(section, level: 2, to: &sections) }
        let titleCells = cells(for: metadata.title)
        var model: [String: Any] = [
            "lang": languages.first ?? document.sourceLanguage,
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
            "titleCells": zip(titleCells, languages).map { cell, language in
                var cell = cell
                cell["meta"] = metaCell(language)["text"]
                cell["authors"] = authors(in: language)
                return cell
            },
            "hasSubtitle": metadata.subtitle != nil,
            "subtitleCells": metadata.subtitle.map { cells(for: $0) } ?? [],
            "metaCells": languages.map { metaCell($0) },
            "hasAuthors": !metadata.authors.isEmpty,
            "authors": authors(in: languages.first ?? document.sourceLanguage),
            "sections": sections,
            "css": stylesheet ?? "",
            "generator": "Passerelle",
        ]
        let notes = inline.footnotes.notes.map { ["marker": $0.marker, "text": $0.text] }
        model["hasNotes"] = !notes.isEmpty
        model["notes"] = notes
        model["notesLabel"] = Labels.for(languages.first ?? "en").notes
        model["languagesLabel"] = Labels.for(languages.first ?? "en").languages
        let glossary = options.glossaryAppendix ? glossaryModel() : []
        model["hasGlossary"] = !glossary.isEmpty
        model["glossary"] = glossary
        return model
    }

    /// The authors as written in `language`, with its typography.
    private func authors(in language: String) -> String {
        var typographer = Typographer(language: language)
        return typographer.apply(document.metadata.authors.map { $0.text(in: language, fallback: document.sourceLanguage) }.joined(separator: ", "))
    }

    private func metaCell(_ language: String) -> [String: Any] {
        let labels = Labels.for(language)
        var parts: [String] = [document.kind == .charter ? labels.charter : labels.newsletter]
        if let issue = document.metadata.issue { parts[0] += " \(labels.issue)\u{00A0}\(issue)" }
        if let date = document.metadata.date { parts.append(formatter.date(date, language: language)) }
        return ["lang": language, "text": parts.joined(separator: " · ")]
    }

    // MARK: Sections and blocks

    private mutating func appendSection(_ section: Section, level: Int, to sections: inout [[String: Any]]) {
        var rows = [row(section.heading, kind: "heading", level: level)]
        for block in section.blocks { appendRows(of: block, level: level + 1, to: &rows) }
        sections.append(["id": idPrefix + section.id, "level": level, "rows": rows.map(withComposites)])
        for subsection in section.subsections { appendSection(subsection, level: min(level + 1, 6), to: &sections) }
    }

    private mutating func appendRows(of block: Block, level: Int, to rows: inout [[String: Any]]) {
        func appendAll(_ blocks: [Block]) { for block in blocks { appendRows(of: block, level: min(level + 1, 6), to: &rows) } }
        switch block {
        case let .paragraph(unit):
            rows.append(row(unit, kind: "paragraph"))
        case let .list(list):
            for (index, item) in list.items.enumerated() {
                var itemRow = row(item, kind: "item")
                itemRow["marker"] = list.ordered ? "\(index + 1)." : (options.format == .md ? "-" : "•")
                itemRow["ordered"] = list.ordered
                rows.append(itemRow)
            }
        case let .article(article):
            var heading = row(article.heading, kind: "heading", level: level)
            if let number = article.number {
                heading["cells"] = (heading["cells"] as? [[String: Any]] ?? []).map { cell in
                    var cell = cell
                    cell["marker"] = "\(Labels.for(cell["column"] as? String ?? "en").article) \(number)"
                    return cell
                }
                heading["hasMarker"] = true
            }
            rows.append(heading)
            appendAll(article.parts)
        case let .clause(clause):
            var clauseRow = row(clause.unit, kind: "clause")
            if let number = clause.number { clauseRow["marker"] = number }
            rows.append(clauseRow)
        case let .news(item):
            rows.append(row(item.heading, kind: "heading", level: level))
            appendAll(item.blocks)
        case let .event(event):
            rows.append(row(event.heading, kind: "heading", level: level))
            rows.append(eventDetails(event))
            appendAll(event.blocks)
        case let .call(call):
            rows.append(row(call.heading, kind: "heading", level: level))
            if call.deadline != nil || call.link != nil { rows.append(callDetails(call)) }
            appendAll(call.blocks)
        case let .portrait(portrait):
            var heading = row(portrait.heading, kind: "heading", level: level)
            if let link = portrait.link, LinkPolicy.allows(link) { heading["link"] = link; heading["hasLink"] = true }
            rows.append(heading)
            if let figure = portrait.figure { rows.append(figureRow(figure)) }
            appendAll(portrait.blocks)
        case let .figure(figure):
            rows.append(figureRow(figure))
        case let .quote(quote):
            var quoteRow = row(quote.unit, kind: "quote")
            if let attribution = quote.attribution {
                let attributionCells = cells(for: attribution)
                quoteRow["cells"] = zip(quoteRow["cells"] as? [[String: Any]] ?? [], attributionCells).map { cell, source in
                    var cell = cell
                    cell["attribution"] = source["content"]
                    cell["hasAttribution"] = true
                    return cell
                }
            }
            rows.append(quoteRow)
        }
    }

    private mutating func row(_ unit: TextUnit, kind: String, level: Int = 0) -> [String: Any] {
        var result: [String: Any] = ["id": idPrefix + unit.id, "kind": kind, "cells": cells(for: unit)]
        for name in ["heading", "paragraph", "item", "clause", "quote", "figure", "details"] {
            result["is" + name.prefix(1).uppercased() + name.dropFirst()] = name == kind
        }
        if kind == "heading" {
            result["headingLevel"] = min(max(level, 1), 6)
            result["headingMarks"] = String(repeating: "#", count: min(max(level, 1), 6))
        }
        return result
    }

    // MARK: Composites for text and Markdown tables

    /// Adds what plain text and Markdown tables need, which templates cannot compose:
    /// each cell as one piece of text (`text`; `tableCell` on one line), heading
    /// underlines, and for text the cells laid out side by side (`columns`).
    private func withComposites(_ row: [String: Any]) -> [String: Any] {
        guard options.format != .html else { return row }
        var row = row
        let separator = options.format == .md ? "\\\n" : "\n"
        let cells = (row["cells"] as? [[String: Any]] ?? []).enumerated().map { index, cell -> [String: Any] in
            var cell = cell
            let text = composite(cell, row: row, separator: separator)
            cell["text"] = text
            let oneLine = text.replacingOccurrences(of: "\\\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
            cell["tableCell"] = row["isHeading"] as? Bool == true ? "**\(oneLine)**" : oneLine
            if index == 0, let image = (row["images"] as? [[String: Any]])?.first, let src = image["src"] as? String {
                // A table cell holds the image once, in the first column.
                let alt = inline.markup.escape(image["alt"] as? String ?? "")
                cell["tableCell"] = "![\(alt)](\(src))" + (oneLine.isEmpty ? "" : "<br>" + oneLine)
            }
            if row["isHeading"] as? Bool == true {
                let level = row["headingLevel"] as? Int ?? 2
                cell["underline"] = String(repeating: level <= 2 ? "=" : "-", count: max(3, text.count))
            }
            return cell
        }
        row["cells"] = cells
        if options.format == .txt {
            row["columns"] = TextColumns.layout(cells.map { $0["text"] as? String ?? "" })
        }
        return row
    }

    private func composite(_ cell: [String: Any], row: [String: Any], separator: String) -> String {
        func string(_ key: String) -> String? { (cell[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        let markup = inline.markup
        var text = string("content") ?? ""
        if let marker = string("marker") ?? (row["marker"] as? String) {
            text = row["isHeading"] as? Bool == true ? "\(marker) – \(text)" : "\(marker) \(text)"
        }
        if row["isQuote"] as? Bool == true {
            if let attribution = string("attribution") { text += separator + "— " + attribution }
        }
        if row["isFigure"] as? Bool == true {
            // Markdown shows the image itself (the row's `images`, with the first language's
            // alt); text, and the other languages, say what it shows.
            let showsAlt = options.format == .txt || row["hasImage"] as? Bool != true || string("otherAlt") != nil
            let pieces = [showsAlt ? "[\(markup.escape(string("plain") ?? ""))]" : nil, string("caption"), string("credit")].compactMap { $0 }
            text = pieces.joined(separator: separator)
        }
        if row["isDetails"] as? Bool == true {
            var lines: [String] = []
            func label(_ key: String) -> String {
                var typographer = Typographer(language: string("column") ?? "en")
                return markup.escape(typographer.apply((string(key) ?? "") + ": "))
            }
            if let when = string("when") { lines.append(label("whenLabel") + markup.escape(when)) }
            if let place = string("place") { lines.append(label("placeLabel") + place) }
            if let deadline = string("deadline") { lines.append(label("deadlineLabel") + markup.escape(deadline)) }
            if let link = string("link") { lines.append(markup.link(href: link, markup.escape(string("linkLabel") ?? link))) }
            text = lines.joined(separator: separator)
        }
        if let notice = string("notice") { text = "[\(markup.escape(notice))] " + text }
        return text
    }

    private mutating func eventDetails(_ event: Event) -> [String: Any] {
        var result = detailsRow(id: "\(event.id).details")
        let places = event.place.map { cells(for: $0) }
        let linkLabels = event.linkLabel.map { cells(for: $0) }
        result["cells"] = languages.enumerated().map { index, language -> [String: Any] in
            let labels = Labels.for(language)
            var when = formatter.date(event.date, language: language, style: .full)
            if let end = event.endDate { when += " – " + formatter.date(end, language: language, style: .full) }
            if let time = event.time {
                when += ", " + formatter.time(time, language: language)
                if let end = event.endTime { when += "–" + formatter.time(end, language: language) }
            }
            var cell: [String: Any] = ["lang": language, "column": language, "whenLabel": hyphenation.apply(labels.when, language: language), "when": when]
            if let place = places?[index] {
                cell["hasPlace"] = true
                cell["placeLabel"] = hyphenation.apply(labels.place, language: language)
                cell["place"] = place["content"]
            }
            return link(event.link, label: linkLabels?[index]["plain"] as? String ?? labels.link, into: cell)
        }
        return result
    }

    private mutating func callDetails(_ call: CallForProjects) -> [String: Any] {
        var result = detailsRow(id: "\(call.id).details")
        let linkLabels = call.linkLabel.map { cells(for: $0) }
        result["cells"] = languages.enumerated().map { index, language -> [String: Any] in
            let labels = Labels.for(language)
            var cell: [String: Any] = ["lang": language, "column": language]
            if let deadline = call.deadline {
                cell["hasDeadline"] = true
                cell["deadlineLabel"] = hyphenation.apply(labels.deadline, language: language)
                cell["deadline"] = formatter.date(deadline, language: language)
            }
            return link(call.link, label: linkLabels?[index]["plain"] as? String ?? labels.link, into: cell)
        }
        return result
    }

    private func detailsRow(id: String) -> [String: Any] {
        ["id": idPrefix + id, "kind": "details", "isDetails": true, "isHeading": false, "isParagraph": false, "isItem": false,
         "isClause": false, "isQuote": false, "isFigure": false]
    }

    private func link(_ href: String?, label: String, into cell: [String: Any]) -> [String: Any] {
        var cell = cell
        if let href, LinkPolicy.allows(href) {
            cell["hasLink"] = true
            cell["link"] = href
            cell["linkLabel"] = label
        }
        return cell
    }

    /// A figure: the image once for the row (`images`, one element when there is one),
    /// then per language its alt text, caption and credit.
    private mutating func figureRow(_ figure: Figure) -> [String: Any] {
        var result = row(figure.alt, kind: "figure")
        let captions = figure.caption.map { cells(for: $0) }
        let credits = figure.credit.map { cells(for: $0) }
        let languageCells = (result["cells"] as? [[String: Any]] ?? []).enumerated().map { index, cell in
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
        if var image = image(figure) {
            image["alt"] = languageCells.first?["plain"] ?? ""
            image["lang"] = languageCells.first?["lang"] ?? ""
            result["images"] = [image]
            result["hasImage"] = true
            // The image's alt is in the first language; the other languages give theirs in
            // their cell (read by screen readers, and shown by text and Markdown).
            result["cells"] = languageCells.enumerated().map { index, cell in
                var cell = cell
                if index > 0, let alt = cell["plain"] as? String, !alt.isEmpty { cell["otherAlt"] = alt }
                return cell
            }
        } else {
            result["cells"] = languageCells
        }
        return result
    }

    /// The image of a figure as the output shows it: HTML embeds a local image (the page
    /// stays one file), Markdown and text refer to it by its path from the document's
    /// folder; a remote image keeps its https URL. With its size, read from the file when
    /// the figure gives none.
    private mutating func image(_ figure: Figure) -> [String: Any]? {
        if figure.isRemote {
            return ["src": figure.source, "width": figure.width ?? 0, "height": figure.height ?? 0]
        }
        guard let file = figure.localFile else { return nil }
        let type = (file as NSString).pathExtension.lowercased()
        let resolved = LocalPath.resolve(file) ?? file
        guard let mediaType = ImagePolicy.mediaTypes[type], LocalPath.isInside(resolved, root: contentRoot),
              let data = FileManager.default.contents(atPath: resolved) else {
            warnings.append(XMLDiagnostic(file: figure.location.file, line: figure.location.line, column: figure.location.column,
                                          message: "image '\(figure.source)' left out: it must be a PNG, JPEG, GIF, SVG or WebP file inside \(contentRoot)",
                                          severity: .warning))
            return nil
        }
        let size = ImageFile.size(of: data, type: type)
        let src = options.format == .html ? "data:\(mediaType);base64,\(data.base64EncodedString())"
            : Self.markdownPath(file, from: options.outputFile ?? document.file)
        return ["src": src, "width": figure.width ?? size?.width ?? 0, "height": figure.height ?? size?.height ?? 0]
    }

    /// `file` relative to the folder of `output` (the file written, else the document),
    /// with the characters a Markdown link target cannot hold percent-encoded.
    static func markdownPath(_ file: String, from output: String) -> String {
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let target = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let common = zip(folder, target).prefix { $0 == $1 }.count
        let relative = Array(repeating: "..", count: folder.count - common) + target.dropFirst(common)
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "()")
        return relative.joined(separator: "/").addingPercentEncoding(withAllowedCharacters: allowed) ?? relative.joined(separator: "/")
    }

    // MARK: Cells

    /// One cell per shown language; a missing translation falls back to the source
    /// language, marked; an outdated one is shown, marked.
    private mutating func cells(for unit: TextUnit) -> [[String: Any]] {
        languages.map { language in
            let state = document.translationState(of: unit, in: language)
            let labels = Labels.for(language)
            var cell: [String: Any] = ["column": language, "isMissing": false, "isOutdated": false, "isFallback": false]
            var text = unit.text(in: language)
            switch state {
            case .missing:
                text = unit.text(in: document.sourceLanguage) ?? unit.texts.first { !$0.isBlank }
                cell["isMissing"] = true
                cell["isFallback"] = text != nil
                cell["notice"] = labels.missing
                badges.missing += 1
                warn(unit, "unit '\(unit.id)' has no \(language) text" + (text.map { "; showing \($0.language)" } ?? ""))
            case let .outdated(recorded, current):
                cell["isOutdated"] = true
                cell["notice"] = labels.outdated
                badges.outdated += 1
                // At the translation, as `status` says it.
                warn(unit, "the \(language) text of '\(unit.id)' was translated from \(recorded), but the source is now \(current)",
                     at: text?.location)
            case .source, .current, .untracked:
                break
            }
            cell["lang"] = text?.language ?? language
            cell["content"] = text.map { inline.render($0) } ?? ""
            cell["plain"] = text.map { inline.plain($0) } ?? ""
            return cell
        }
    }

    private mutating func warn(_ unit: TextUnit, _ message: String, at location: ContentLocation? = nil) {
        let place = location ?? unit.location
        warnings.append(XMLDiagnostic(file: place.file, line: place.line, column: place.column, message: message, severity: .warning))
    }

    // MARK: Glossary appendix

    /// For each shown language, the concepts used, sorted by that language's ICU collation.
    private func glossaryModel() -> [[String: Any]] {
        let concepts = annotator.conceptsUsed(in: document)
        guard !concepts.isEmpty else { return [] }
        return languages.map { language in
            let collator = try? Collator(locale: LanguageTag.primary(language))
            var entries: [(key: CollationKey?, text: String, entry: [String: Any])] = []
            for concept in concepts {
                guard let wording = concept.section(language)?.recommendedWording else { continue }
                let others = document.languages.filter { LanguageTag.primary($0) != LanguageTag.primary(language) }.compactMap { other in
                    concept.section(other)?.recommendedWording.map { "\(other): \($0)" }
                }
                var entry: [String: Any] = ["term": wording, "conceptID": concept.id, "equivalents": others.joined(separator: " · ")]
                let section = concept.section(language).flatMap { $0.definitions.isEmpty ? nil : $0 }
                    ?? concept.languages.first { !$0.definitions.isEmpty }
                if let section, let definition = section.definitions.first {
                    var typographer = Typographer(language: section.language)
                    entry["hasDefinition"] = true
                    entry["definition"] = typographer.apply(definition.text)
                    entry["source"] = definition.source ?? ""
                }
                entries.append((collator?.sortKey(wording), wording, entry))
            }
            entries.sort { a, b in
                if let left = a.key, let right = b.key, left != right { return left < right }
                return a.text < b.text
            }
            return ["lang": language, "label": Labels.for(language).glossary, "entries": entries.map(\.entry)]
        }
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
