import Base
import Content
import Foundation
import Linguistics
import Terminology
import XMLSupport

/// Makes the ``RenderedDocument`` of a ``ContentDocument`` for the languages shown: one
/// row per unit, one cell per language with its translation state, dates and times as
/// each language writes them, images checked, the glossary appendix sorted by each
/// language's collation. Nothing here depends on the output format.
struct RenderModelBuilder {
    let document: ContentDocument
    /// The languages shown, in column order.
    let languages: [String]
    let annotator: TermAnnotator
    /// Images are read from here, never from outside it.
    let contentRoot: String
    let glossaryAppendix: Bool
    /// Put before every id: the stacked layout's parts after the first repeat the units,
    /// whose ids must stay unique in the page.
    var idPrefix = ""
    private let formatter = LocaleFormatter()

    /// Missing and outdated translations, images left out: errors with `strict`.
    private(set) var warnings: [Diagnostic] = []
    /// Translations shown with a badge: missing (the source shown instead) and outdated.
    private(set) var badges = (missing: 0, outdated: 0)

    init(document: ContentDocument, languages: [String], annotator: TermAnnotator, contentRoot: String, glossaryAppendix: Bool) {
        self.document = document
        self.languages = languages
        self.annotator = annotator
        self.contentRoot = contentRoot
        self.glossaryAppendix = glossaryAppendix
    }

    mutating func build() -> RenderedDocument {
        let metadata = document.metadata
        var sections: [RenderedSection] = []
        for section in document.sections { appendSection(section, level: 2, to: &sections) }
        var rendered = RenderedDocument(
            id: document.id, kind: document.kind, languages: languages, sourceLanguage: document.sourceLanguage,
            title: cells(for: metadata.title), subtitle: metadata.subtitle.map { cells(for: $0) },
            meta: languages.map(meta), authors: languages.map(authors), hasAuthors: !metadata.authors.isEmpty,
            sections: sections, glossary: glossaryAppendix ? glossary() : [])
        rendered.summary = metadata.summary.map { cells(for: $0) }
        return rendered
    }

    /// The authors as written in `language`, with its typography.
    private func authors(in language: String) -> String {
        var typographer = Typographer(language: language)
        return typographer.apply(document.metadata.authors.map { $0.text(in: language, fallback: document.sourceLanguage) }.joined(separator: ", "))
    }

    private func meta(_ language: String) -> String {
        let labels = Labels.for(language)
        var parts: [String] = [document.kind == .charter ? labels.charter : labels.newsletter]
        if let issue = document.metadata.issue { parts[0] += " \(labels.issue)\u{00A0}\(issue)" }
        if let date = document.metadata.date { parts.append(formatter.date(date, language: language)) }
        return parts.joined(separator: " · ")
    }

    // MARK: Sections and blocks

    private mutating func appendSection(_ section: Section, level: Int, to sections: inout [RenderedSection]) {
        var rows = [row(section.heading, .heading(level: level))]
        for block in section.blocks { appendRows(of: block, level: level + 1, to: &rows) }
        sections.append(RenderedSection(id: idPrefix + section.id, level: level, rows: rows))
        for subsection in section.subsections { appendSection(subsection, level: min(level + 1, 6), to: &sections) }
    }

    private mutating func appendRows(of block: Block, level: Int, to rows: inout [RenderedRow]) {
        func appendAll(_ blocks: [Block]) { for block in blocks { appendRows(of: block, level: min(level + 1, 6), to: &rows) } }
        switch block {
        case let .paragraph(unit):
            rows.append(row(unit, .paragraph))
        case let .list(list):
            for (index, item) in list.items.enumerated() { rows.append(row(item, .item(number: list.ordered ? index + 1 : nil))) }
        case let .article(article):
            var heading = row(article.heading, .heading(level: level))
            if let number = article.number { heading.cellMarkers = languages.map { "\(Labels.for($0).article) \(number)" } }
            rows.append(heading)
            appendAll(article.parts)
        case let .clause(clause):
            var clauseRow = row(clause.unit, .clause)
            clauseRow.marker = clause.number
            rows.append(clauseRow)
        case let .news(item):
            rows.append(row(item.heading, .heading(level: level)))
            appendAll(item.blocks)
        case let .event(event):
            rows.append(row(event.heading, .heading(level: level)))
            rows.append(eventDetails(event))
            appendAll(event.blocks)
        case let .call(call):
            rows.append(row(call.heading, .heading(level: level)))
            if call.deadline != nil || call.link != nil { rows.append(callDetails(call)) }
            appendAll(call.blocks)
        case let .portrait(portrait):
            var heading = row(portrait.heading, .heading(level: level))
            if let link = portrait.link, LinkPolicy.allows(link) { heading.link = link }
            rows.append(heading)
            if let figure = portrait.figure { rows.append(figureRow(figure)) }
            appendAll(portrait.blocks)
        case let .figure(figure):
            rows.append(figureRow(figure))
        case let .questionnaire(questionnaire):
            for (index, question) in questionnaire.questions.enumerated() {
                rows.append(row(question.unit, .question(number: index + 1, answer: question.answer)))
            }
        case let .signatures(block):
            for signatory in block.signatories { rows.append(signatureRow(signatory)) }
        case let .quote(quote):
            var quoteRow = row(quote.unit, .quote)
            quoteRow.attribution = quote.attribution.map { cells(for: $0) }
            rows.append(quoteRow)
        }
    }

    private mutating func row(_ unit: TextUnit, _ kind: RenderedRow.Kind) -> RenderedRow {
        RenderedRow(id: idPrefix + unit.id, kind: kind, cells: cells(for: unit))
    }

    private mutating func eventDetails(_ event: Event) -> RenderedRow {
        let places = event.place.map { cells(for: $0) }
        let linkLabels = event.linkLabel.map { cells(for: $0) }
        let details = languages.enumerated().map { index, language -> DetailsCell in
            let labels = Labels.for(language)
            var when = formatter.date(event.date, language: language, style: .full)
            if let end = event.endDate { when += " – " + formatter.date(end, language: language, style: .full) }
            if let time = event.time {
                when += ", " + formatter.time(time, language: language)
                if let end = event.endTime { when += "–" + formatter.time(end, language: language) }
            }
            var cell = DetailsCell(column: language, whenLabel: labels.when, when: when)
            if let place = places?[index] {
                cell.placeLabel = labels.place
                cell.place = place
            }
            return link(event.link, label: linkLabels?[index], into: cell)
        }
        return detailsRow(id: "\(event.id).details", details)
    }

    private mutating func callDetails(_ call: CallForProjects) -> RenderedRow {
        let linkLabels = call.linkLabel.map { cells(for: $0) }
        let details = languages.enumerated().map { index, language -> DetailsCell in
            var cell = DetailsCell(column: language)
            if let deadline = call.deadline {
                cell.deadlineLabel = Labels.for(language).deadline
                cell.deadline = formatter.date(deadline, language: language)
            }
            return link(call.link, label: linkLabels?[index], into: cell)
        }
        return detailsRow(id: "\(call.id).details", details)
    }

    private mutating func signatureRow(_ signatory: SignatureBlock.Signatory) -> RenderedRow {
        let headings = signatory.heading.map { cells(for: $0) }
        let organisations = signatory.organisation.map { cells(for: $0) }
        let roles = signatory.role.map { cells(for: $0) }
        var row = RenderedRow(id: idPrefix + signatory.id, kind: .signature, cells: headings ?? [])
        row.signature = languages.enumerated().map { index, language in
            let labels = Labels.for(language)
            var typographer = Typographer(language: language)
            let name = signatory.name.map { typographer.apply($0) }
            return SignatureCell(column: language, heading: headings?[index], lines: [
                .init(label: labels.organisation, text: organisations?[index]), .init(label: labels.name, plain: name),
                .init(label: labels.role, text: roles?[index]), .init(label: labels.signedAt), .init(label: labels.date),
                .init(label: labels.signature),
            ])
        }
        return row
    }

    private func detailsRow(id: String, _ details: [DetailsCell]) -> RenderedRow {
        var row = RenderedRow(id: idPrefix + id, kind: .details, cells: [])
        row.details = details
        return row
    }

    /// The link of a details cell when ``LinkPolicy`` allows it, with its label: the
    /// document's (plain text) or the language's default ("Plus d'informations").
    private func link(_ href: String?, label: RenderedCell?, into cell: DetailsCell) -> DetailsCell {
        guard let href, LinkPolicy.allows(href) else { return cell }
        var cell = cell
        cell.link = href
        cell.linkLabel = label?.text.map(InlineRenderer.plain) ?? Labels.for(cell.column).link
        return cell
    }

    /// A figure: the alt text per language (the row's cells), the image once, then per
    /// language its caption and credit.
    private mutating func figureRow(_ figure: Figure) -> RenderedRow {
        var result = row(figure.alt, .figure)
        result.captions = figure.caption.map { cells(for: $0) }
        result.credits = figure.credit.map { cells(for: $0) }
        result.image = image(figure)
        return result
    }

    /// The image of a figure: a remote https image as it is; a local one read from the
    /// content root, with its size from the file when the figure gives none.
    private mutating func image(_ figure: Figure) -> RenderedImage? {
        if figure.isRemote {
            return RenderedImage(source: .remote(url: figure.source), written: figure.source, width: figure.width ?? 0, height: figure.height ?? 0)
        }
        guard let file = figure.localFile else { return nil }
        let type = (file as NSString).pathExtension.lowercased()
        let resolved = LocalPath.resolve(file) ?? file
        guard let mediaType = ImagePolicy.mediaTypes[type], LocalPath.isInside(resolved, root: contentRoot),
              let data = FileManager.default.contents(atPath: resolved) else {
            warnings.append(Diagnostic(file: figure.location.file, line: figure.location.line, column: figure.location.column,
                                          message: "image '\(figure.source)' left out: it must be a PNG, JPEG, GIF, SVG or WebP file inside \(contentRoot)",
                                          severity: .warning))
            return nil
        }
        let size = ImageFile.size(of: data, type: type)
        return RenderedImage(source: .local(path: file, mediaType: mediaType, data: data), written: figure.source,
                             width: figure.width ?? size?.width ?? 0, height: figure.height ?? size?.height ?? 0)
    }

    // MARK: Cells

    /// One cell per shown language; a missing translation falls back to the source
    /// language, marked; an outdated one is shown, marked.
    private mutating func cells(for unit: TextUnit) -> [RenderedCell] {
        languages.map { language in
            let labels = Labels.for(language)
            let text = unit.text(in: language)
            switch document.translationState(of: unit, in: language) {
            case .missing:
                let fallback = unit.text(in: document.sourceLanguage) ?? unit.texts.first { !$0.isBlank }
                badges.missing += 1
                warn(unit, "unit '\(unit.id)' has no \(language) text" + (fallback.map { "; showing \($0.language)" } ?? ""))
                return RenderedCell(column: language, text: fallback, state: .missing, notice: labels.missing)
            case let .outdated(recorded, current):
                badges.outdated += 1
                // At the translation, as `status` says it.
                warn(unit, "the \(language) text of '\(unit.id)' was translated from \(recorded), but the source is now \(current)",
                     at: text?.location)
                return RenderedCell(column: language, text: text, state: .outdated, notice: labels.outdated)
            case .source, .current, .untracked:
                return RenderedCell(column: language, text: text, state: .current, notice: nil)
            }
        }
    }

    private mutating func warn(_ unit: TextUnit, _ message: String, at location: SourceLocation? = nil) {
        let place = location ?? unit.location
        warnings.append(Diagnostic(file: place.file, line: place.line, column: place.column, message: message, severity: .warning))
    }

    // MARK: Glossary appendix

    /// For each shown language, the concepts used, sorted by that language's ICU collation.
    private func glossary() -> [GlossaryColumn] {
        let concepts = annotator.conceptsUsed(in: document)
        guard !concepts.isEmpty else { return [] }
        return languages.map { language in
            let collator = try? Collator(locale: LanguageTag.primary(language))
            var entries: [(key: CollationKey?, entry: GlossaryColumn.Entry)] = []
            for concept in concepts {
                guard let wording = concept.section(language)?.recommendedWording else { continue }
                let section = concept.section(language).flatMap { $0.definitions.isEmpty ? nil : $0 }
                    ?? concept.languages.first { !$0.definitions.isEmpty }
                let definition = section?.definitions.first
                var typographer = Typographer(language: section?.language ?? language)
                entries.append((collator?.sortKey(wording), GlossaryColumn.Entry(
                    term: wording, conceptID: concept.id, equivalents: concept.equivalents(besides: language, in: document.languages),
                    definition: definition.map { typographer.apply($0.text) }, source: definition?.source ?? "")))
            }
            entries.sort { a, b in
                if let left = a.key, let right = b.key, left != right { return left < right }
                return a.entry.term < b.entry.term
            }
            return GlossaryColumn(language: language, label: Labels.for(language).glossary, entries: entries.map(\.entry))
        }
    }
}
