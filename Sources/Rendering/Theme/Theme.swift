import Base
import Foundation
import Mustache
import XMLSupport

/// A theme: a folder of Mustache templates, one per format and layout
/// (`html/parallel.mustache`, `md/stacked.mustache`, `txt/single.mustache` ...), their
/// partials, and `html/style.css`, which HTML output inlines.
///
/// Users copy `templates/default`, edit it and pass `--theme DIR`: themes load at run
/// time. Templates in `md/` and `txt/` must switch HTML escaping off with
/// `{{%CONTENT_TYPE:MARKDOWN}}` or `{{%CONTENT_TYPE:TEXT}}` on their first line.
public struct Theme: Sendable {
    /// One template file.
    struct Source: Sendable {
        let path: String
        let text: String
    }

    /// The theme's folder.
    public let folder: String
    let library: MustacheLibrary
    let sources: [String: Source]
    /// Per entry template (`html/parallel` ...), its problems, found the first time it is
    /// used and kept: a render refuses a template that has some.
    private let lints = LintCache()

    /// The theme shipped with Passerelle (`templates/default`).
    public static func defaultFolder() throws(RenderingError) -> String {
        do {
            return try ProjectResources.locate("default", in: .templates)
        } catch {
            throw .invalid(error.diagnostics)
        }
    }

    /// Loads every `.mustache` file under `folder`; a template that does not parse is
    /// reported with file:line:column.
    public static func load(folder: String) throws(RenderingError) -> Theme {
        registerContentTypes
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .invalid([Diagnostic(file: folder, line: 0, message: "no theme folder there; copy templates/default and pass its path")])
        }
        var sources: [String: Source] = [:]
        var templates: [String: MustacheTemplate] = [:]
        var problems: [Diagnostic] = []
        for file in FolderFiles.relativePaths(in: folder, include: { $0.hasSuffix(".mustache") }) {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(file: path, line: 0, message: "cannot read the template"))
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            let name = String(file.dropLast(".mustache".count))
            sources[name] = Source(path: path, text: text)
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(file: path, line: error.context.lineNumber, column: error.context.columnNumber,
                                              message: "template error: \(describe(error.error))"))
            } catch {
                problems.append(Diagnostic(file: path, line: 0, message: "template error: \(error)"))
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return Theme(folder: folder, library: MustacheLibrary(templates: templates), sources: sources)
    }

    /// The template used for a format and a layout, e.g. `html/parallel`.
    public static func templateName(format: RenderOptions.Format, layout: RenderOptions.Layout) -> String {
        "\(format.rawValue)/\(layout.rawValue)"
    }

    /// The names of the templates the renderer uses directly.
    public static var entryTemplates: [String] {
        RenderOptions.Format.allCases.flatMap { format in RenderOptions.Layout.allCases.map { templateName(format: format, layout: $0) } }
    }

    /// True when the theme has this template.
    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// The stylesheet inlined into HTML output (`html/style.css`), if the theme has one.
    public var stylesheet: String? {
        FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("html/style.css"))
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Problems in the templates: names the renderer does not provide, missing partials,
    /// Markdown and text templates without their content type. Each with file:line:column.
    public func lint() -> [Diagnostic] {
        TemplateLinter(sources: sources).lint(entries: Self.entryTemplates.filter(has))
    }

    /// The problems of the entry template `name` and the partials it uses, linted once per
    /// theme loaded.
    func problems(of name: String) -> [Diagnostic] {
        lints.problems(of: name) { TemplateLinter(sources: sources).lint(entries: [name]) }
    }

    func render(_ model: [String: Any], template name: String) -> String? {
        library.render(model, withTemplate: name)
    }

    /// Markdown escaping for `{{name}}` in Markdown templates.
    private static let registerContentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "the closing tag does not match the open section"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is not closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "bad set-delimiter tag"
        case MustacheTemplate.Error.unrecognisedConfigVariable: "unknown pragma; use {{%CONTENT_TYPE:HTML|TEXT|MARKDOWN}}"
        case MustacheTemplate.Error.invalidConfigVariableSyntax: "bad pragma syntax; write {{%CONTENT_TYPE:TEXT}}"
        default: "\(error)"
        }
    }
}

/// Escapes plain values in Markdown templates.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownMarkup().escape(text) }
}

/// The lint of each entry template of a theme, made on first use.
private final class LintCache: @unchecked Sendable {
    private var problems: [String: [Diagnostic]] = [:]
    private let lock = NSLock()

    func problems(of name: String, lint: () -> [Diagnostic]) -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        if let known = problems[name] { return known }
        let found = lint()
        problems[name] = found
        return found
    }
}
