import Content
import Foundation
import Terminology
import XMLSupport
import Linguistics

/// What rendering produced: the output text and the warnings to show (missing and
/// outdated translations, images left out).
public struct RenderResult: Sendable {
    public let output: String
    public let warnings: [XMLDiagnostic]
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
        var builder = try makeBuilder(document, options: options, contentRoot: contentRoot)
        let termProblems = builder.annotator.problems(in: document)
        if !termProblems.isEmpty { throw .invalid(termProblems) }

        let name = Theme.templateName(format: options.format, layout: options.layout)
        guard theme.has(name) else { throw .missingTemplate(name: name, theme: theme.folder) }
        let themeProblems = TemplateLinter(sources: theme.sources).lint(entries: [name])
        if !themeProblems.isEmpty { throw .invalid(themeProblems) }

        let model = try self.model(document, options: options, contentRoot: contentRoot, builder: &builder)
        if options.strict {
            let errors = builder.warnings.map { warning in
                XMLDiagnostic(file: warning.file, line: warning.line, column: warning.column,
                              message: warning.message + "; nothing was rendered (--strict)")
            }
            if !errors.isEmpty { throw .invalid(errors) }
        }
        guard let output = theme.render(model, template: name) else { throw .missingTemplate(name: name, theme: theme.folder) }
        var warnings = builder.notices + builder.warnings
        let (missing, outdated) = builder.badges
        if missing + outdated > 0 {
            // Badges must not reach a published page unnoticed.
            warnings.append(XMLDiagnostic(
                file: document.file, line: 0,
                message: "\(missing) missing and \(outdated) outdated translation(s) are shown with a badge; --strict refuses to render them",
                severity: .warning))
        }
        return RenderResult(output: output, warnings: warnings)
    }

    /// The values the templates would receive for `document` (names in ``ViewModelSchema``):
    /// for theme authors who want to see them, and for tests.
    public func viewModel(_ document: ContentDocument, options: RenderOptions, contentRoot: String? = nil) throws(RenderingError) -> [String: Any] {
        var builder = try makeBuilder(document, options: options, contentRoot: contentRoot)
        return try model(document, options: options, contentRoot: contentRoot, builder: &builder)
    }

    /// The view model; for the stacked layout, with the whole document in each language
    /// (`parts`, each built for that language alone: its own notes and glossary).
    private func model(_ document: ContentDocument, options: RenderOptions, contentRoot: String?,
                       builder: inout ViewModelBuilder) throws(RenderingError) -> [String: Any] {
        var model = builder.build(stylesheet: options.format == .html ? theme.stylesheet : nil)
        guard options.layout == .stacked else { return model }
        var parts: [[String: Any]] = []
        for (index, language) in builder.languages.enumerated() {
            var single = options
            single.languages = [language]
            var partBuilder = try makeBuilder(document, options: single, contentRoot: contentRoot, hyphenation: builder.hyphenation.only([language]))
            // Links to a unit (#art-1) lead to the first language's; the others' ids are prefixed.
            partBuilder.idPrefix = index == 0 ? "" : "\(language)-"
            var part = partBuilder.build(stylesheet: nil)
            part["anchor"] = "lang-\(language)"
            part["name"] = ViewModelBuilder.languageName(language)
            parts.append(part)
        }
        model["parts"] = parts
        return model
    }

    /// The view-model builder for the languages asked; images are read from `contentRoot`
    /// (default: the document's folder).
    /// `hyphenation` reuses the breaks found for a builder of the same render.
    private func makeBuilder(_ document: ContentDocument, options: RenderOptions, contentRoot: String?,
                             hyphenation known: Hyphenation? = nil) throws(RenderingError) -> ViewModelBuilder {
        let languages = try languagesToShow(document, options: options)
        let root = contentRoot ?? URL(fileURLWithPath: document.file).deletingLastPathComponent().path
        var warnings = document.warnings
        let hyphenation = known ?? (options.format == .html && options.hyphenate
            ? Hyphenation.prepare(document, languages: languages, warnings: &warnings) : .none)
        return ViewModelBuilder(document: document, options: options, languages: languages,
                                annotator: TermAnnotator(termbase: termbase, languages: document.languages), contentRoot: root,
                                hyphenation: hyphenation, notices: warnings)
    }

    private func languagesToShow(_ document: ContentDocument, options: RenderOptions) throws(RenderingError) -> [String] {
        let asked = options.languages ?? (options.layout == .single ? [document.sourceLanguage] : document.languages)
        let declared = Set(document.languages.map(LanguageTag.primary))
        let unknown = asked.filter { !declared.contains(LanguageTag.primary($0)) }
        if !unknown.isEmpty {
            let meant = unknown.compactMap { ICULocale.languageProblem($0)?.suggestion }.filter { document.languages.contains($0) }
            throw .invalid([XMLDiagnostic(file: document.file, line: 0,
                                          message: "the document has no \(unknown.joined(separator: ", ")) text; it declares \(document.languages.joined(separator: " "))"
                                              + (meant.isEmpty ? "" : ": did you mean --lang \(meant.joined(separator: ","))?"))])
        }
        if options.layout == .single && asked.count != 1 {
            throw .invalid([XMLDiagnostic(file: document.file, line: 0, message: "the single layout shows one language; pass --lang with one language")])
        }
        if asked.isEmpty { throw .invalid([XMLDiagnostic(file: document.file, line: 0, message: "no language to render")]) }
        return asked
    }
}
