import Base
import Content
import Foundation
import Linguistics
import Terminology
import XMLSupport

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
        if options.strict {
            let errors = job.warnings.map { warning in
                Diagnostic(file: warning.file, line: warning.line, column: warning.column,
                              message: warning.message + "; nothing was rendered (--strict)")
            }
            if !errors.isEmpty { throw .invalid(errors) }
        }
        guard let output = theme.render(job.values, template: name) else { throw .missingTemplate(name: name, theme: theme.folder) }
        var warnings = job.notices + job.warnings
        let (missing, outdated) = job.badges
        if missing + outdated > 0 {
            // Badges must not reach a published page unnoticed.
            warnings.append(Diagnostic(
                file: document.file, line: 0,
                message: "\(missing) missing and \(outdated) outdated translation(s) are shown with a badge; --strict refuses to render them",
                severity: .warning))
        }
        return RenderResult(output: output, warnings: warnings)
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
