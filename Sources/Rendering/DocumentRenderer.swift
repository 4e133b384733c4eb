import Base
import Content
import Foundation
import Linguistics
import Terminology
import XMLSupport

/// An office document made by ``DocumentRenderer/officeDocument(_:as:options:contentRoot:)``:
/// its bytes and the warnings to show.
public struct OfficeResult: Sendable {
    public let data: Data
    public let warnings: [Diagnostic]
}

/// What rendering produced: the output text and the warnings to show (missing and
/// outdated translations, images left out).
public struct RenderResult: Sendable {
    public let output: String
    public let warnings: [Diagnostic]
}

/// Renders a ``ContentDocument`` with a ``Theme``: checks its term references against
/// the termbase, builds the view model for the asked languages, layout and format,
/// and fills the theme's template.
///
/// ```swift
/// let renderer = DocumentRenderer(theme: try Theme.load(folder: Theme.defaultFolder()), termbase: termbase)
/// let result = try renderer.render(charter, options: RenderOptions(languages: ["fr", "de"]))
/// ```
public struct DocumentRenderer: Sendable {
    public let theme: Theme
    public let termbase: Termbase

    public init(theme: Theme, termbase: Termbase) {
        self.theme = theme
        self.termbase = termbase
    }

    /// Renders `document`. `contentRoot` bounds where images are read from (default:
    /// the document's folder).
    ///
    /// - Throws: ``RenderingError/invalid(_:)`` for unknown concepts, languages the
    ///   document does not declare, theme problems, and, with `strict`, missing or
    ///   outdated translations.
    public func render(_ document: ContentDocument, options: RenderOptions, contentRoot: String? = nil) throws(RenderingError) -> RenderResult {
        let annotator = TermAnnotator(termbase: termbase, languages: document.languages)
        let termProblems = annotator.problems(in: document)
        if !termProblems.isEmpty { throw .invalid(termProblems) }

        let name = Theme.templateName(format: options.format, layout: options.layout)
        guard theme.has(name) else { throw .missingTemplate(name: name, theme: theme.folder) }
        let themeProblems = theme.problems(of: name)
        if !themeProblems.isEmpty { throw .invalid(themeProblems) }

        let job = try model(document, options: options, contentRoot: contentRoot, annotator: annotator)
        try refuseIfStrict(job.warnings, options: options)
        guard let output = theme.render(job.values, template: name) else { throw .missingTemplate(name: name, theme: theme.folder) }
        return RenderResult(output: output, warnings: Self.warnings(job.notices + job.warnings, badges: job.badges, document: document))
    }

    /// `document` as an office file (DOCX or ODT) in the options' languages and layout:
    /// fonts, size and margins from the theme's `office.toml`; term notes only when
    /// `options.terms` asks for them (as footnotes).
    ///
    /// - Throws: ``RenderingError`` as ``render(_:options:contentRoot:)`` does, and for a bad `office.toml`.
    public func officeDocument(_ document: ContentDocument, as file: RenderOptions.OfficeFile, options: RenderOptions,
                               contentRoot: String? = nil) throws(RenderingError) -> OfficeResult {
        let annotator = TermAnnotator(termbase: termbase, languages: document.languages)
        let termProblems = annotator.problems(in: document)
        if !termProblems.isEmpty { throw .invalid(termProblems) }
        let settings = try OfficeSettings.load(theme: theme.folder)
        let languages = try languagesToShow(document, options: options)
        var builder = RenderModelBuilder(document: document, languages: languages, annotator: annotator,
                                         contentRoot: contentRoot ?? URL(fileURLWithPath: document.file).deletingLastPathComponent().path,
                                         glossaryAppendix: options.glossaryAppendix)
        let rendered = builder.build()
        try refuseIfStrict(builder.warnings, options: options)
        func layout(_ format: OfficeFormat) -> OfficeLayout {
            let inline = InlineRenderer(markup: format.markup, formatter: LocaleFormatter(), terms: annotator, footnotes: FootnoteCollector(),
                                        termNotes: options.terms ?? .none, hyphenation: .none)
            return OfficeLayout(document: rendered, layout: options.layout, inline: inline, textWidth: settings.textWidth)
        }
        let data: Data
        switch file {
        case .docx:
            let format = DOCXFormat(settings: settings)
            data = try DOCXWriter(settings: settings).data(of: rendered, format: format, layout: layout(format))
        case .odt:
            let format = ODTFormat(settings: settings)
            data = try ODTWriter(settings: settings).data(of: rendered, format: format, layout: layout(format))
        }
        return OfficeResult(data: data, warnings: Self.warnings(document.warnings + builder.warnings, badges: builder.badges, document: document))
    }

    /// `document` printed to PDF by `printer` from its HTML (the theme's print styles: A4,
    /// the running title, page x / y, rows and signatures kept whole), without soft hyphens:
    /// both printers would leave them in the PDF's text, where a search for "Gegenstand"
    /// would fail. WeasyPrint hyphenates by each block's language (`hyphens: auto`);
    /// Chromium, which has no hyphenation dictionaries on Linux, leaves the lines ragged.
    public func printedPDF(_ document: ContentDocument, options: RenderOptions, printer: PDFPrinter,
                           contentRoot: String? = nil) throws(RenderingError) -> OfficeResult {
        var options = options
        options.format = .html
        options.hyphenate = false
        let page = try render(document, options: options, contentRoot: contentRoot)
        let pdf = try printer.pdf(ofHTML: page.output, baseFolder: URL(fileURLWithPath: document.file).deletingLastPathComponent().path)
        return OfficeResult(data: pdf, warnings: page.warnings)
    }

    /// With `strict`, missing and outdated translations and images left out stop the render.
    private func refuseIfStrict(_ warnings: [Diagnostic], options: RenderOptions) throws(RenderingError) {
        guard options.strict else { return }
        let errors = warnings.map { warning in
            Diagnostic(file: warning.file, line: warning.line, column: warning.column,
                       message: warning.message + "; nothing was rendered (--strict)")
        }
        if !errors.isEmpty { throw .invalid(errors) }
    }

    /// The warnings of a render, with one more when translations are shown with a badge.
    private static func warnings(_ warnings: [Diagnostic], badges: (missing: Int, outdated: Int), document: ContentDocument) -> [Diagnostic] {
        guard badges.missing + badges.outdated > 0 else { return warnings }
        // Badges must not reach a published page unnoticed.
        return warnings + [Diagnostic(
            file: document.file, line: 0,
            message: "\(badges.missing) missing and \(badges.outdated) outdated translation(s) are shown with a badge; --strict refuses to render them",
            severity: .warning)]
    }

    /// The plain-text part of `document` sent by e-mail in `language` (``MailTextWriter``):
    /// written text at 72 columns, format=flowed, links as numbered references.
    public func mailText(_ document: ContentDocument, language: String, contentRoot: String? = nil) throws(RenderingError) -> String {
        var options = RenderOptions(languages: [language])
        options.layout = .single
        let languages = try languagesToShow(document, options: options)
        let annotator = TermAnnotator(termbase: termbase, languages: document.languages)
        var builder = RenderModelBuilder(document: document, languages: languages, annotator: annotator,
                                         contentRoot: contentRoot ?? URL(fileURLWithPath: document.file).deletingLastPathComponent().path,
                                         glossaryAppendix: false)
        return MailTextWriter(annotator: annotator).text(of: builder.build())
    }

    /// The values the templates would receive for `document` (names in ``ViewModelSchema``):
    /// for theme authors who want to see them, and for tests.
    public func viewModel(_ document: ContentDocument, options: RenderOptions, contentRoot: String? = nil) throws(RenderingError) -> [String: Any] {
        try model(document, options: options, contentRoot: contentRoot,
                  annotator: TermAnnotator(termbase: termbase, languages: document.languages)).values
    }

    /// The template values of a render, with what it found on the way.
    private struct Job {
        var values: [String: Any]
        /// Missing and outdated translations, images left out (errors with `strict`).
        let warnings: [Diagnostic]
        /// Warnings `strict` leaves as warnings (a relative link, missing hyphenation patterns).
        let notices: [Diagnostic]
        let badges: (missing: Int, outdated: Int)
    }

    /// The document laid out (``RenderModelBuilder``), then written by the format's writer
    /// into template values (``MustacheAdapter``); for the stacked layout, with the whole
    /// document in each language (`parts`, each laid out for that language alone: its own
    /// notes and glossary).
    private func model(_ document: ContentDocument, options: RenderOptions, contentRoot: String?,
                       annotator: TermAnnotator) throws(RenderingError) -> Job {
        let languages = try languagesToShow(document, options: options)
        let root = contentRoot ?? URL(fileURLWithPath: document.file).deletingLastPathComponent().path
        let writer = FormatWriters.writer(for: options.format)
        var notices = document.warnings
        let hyphenation = writer.hyphenates && options.hyphenate
            ? Hyphenation.prepare(document, languages: languages, warnings: &notices) : .none
        let termNotes = options.terms ?? (document.kind == .charter ? .first : .none)

        func values(_ languages: [String], idPrefix: String, hyphenation: Hyphenation, stylesheet: String?) -> (RenderModelBuilder, [String: Any]) {
            var builder = RenderModelBuilder(document: document, languages: languages, annotator: annotator, contentRoot: root,
                                             glossaryAppendix: options.glossaryAppendix)
            builder.idPrefix = idPrefix
            let rendered = builder.build()
            let adapter = MustacheAdapter(writer: writer, annotator: annotator, termNotes: termNotes, hyphenation: hyphenation,
                                          outputFile: options.outputFile ?? document.file)
            return (builder, adapter.values(for: rendered, stylesheet: stylesheet))
        }
        let (builder, main) = values(languages, idPrefix: "", hyphenation: hyphenation, stylesheet: theme.stylesheet)
        var job = Job(values: main, warnings: builder.warnings, notices: notices, badges: builder.badges)
        guard options.layout == .stacked else { return job }
        job.values["parts"] = languages.enumerated().map { index, language -> [String: Any] in
            // Links to a unit (#art-1) lead to the first language's; the others' ids are prefixed.
            var part = values([language], idPrefix: index == 0 ? "" : "\(language)-", hyphenation: hyphenation.only([language]), stylesheet: nil).1
            part["anchor"] = "lang-\(language)"
            part["name"] = MustacheAdapter.languageName(language)
            return part
        }
        return job
    }

    private func languagesToShow(_ document: ContentDocument, options: RenderOptions) throws(RenderingError) -> [String] {
        let asked = options.languages ?? (options.layout == .single ? [document.sourceLanguage] : document.languages)
        let declared = Set(document.languages.map(LanguageTag.primary))
        let unknown = asked.filter { !declared.contains(LanguageTag.primary($0)) }
        if !unknown.isEmpty {
            let meant = unknown.compactMap { ICULocale.languageProblem($0)?.suggestion }.filter { document.languages.contains($0) }
            throw .invalid([Diagnostic(file: document.file, line: 0,
                                          message: "the document has no \(unknown.joined(separator: ", ")) text; it declares \(document.languages.joined(separator: " "))"
                                              + (meant.isEmpty ? "" : ": did you mean --lang \(meant.joined(separator: ","))?"))])
        }
        if options.layout == .single && asked.count != 1 {
            throw .invalid([Diagnostic(file: document.file, line: 0, message: "the single layout shows one language; pass --lang with one language")])
        }
        if asked.isEmpty { throw .invalid([Diagnostic(file: document.file, line: 0, message: "no language to render")]) }
        return asked
    }
}
