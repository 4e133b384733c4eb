import Base
import Content
import Foundation
import Rendering
import Testing
import TestSupport
import XMLSupport

@Suite("Themes: loading and template lint")
struct ThemeTests {
    /// A copy of the default theme in a temporary folder, with `edits` applied (file -> new text).
    static func theme(editing edits: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-theme-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Corpus.projectFile("templates/default"), toPath: folder)
        for (file, text) in edits { try text.write(toFile: "\(folder)/\(file)", atomically: true, encoding: .utf8) }
        return folder
    }

    @Test("the default theme is lint-clean and has a template for every format and layout")
    func defaultTheme() throws {
        let theme = try Theme.load(folder: Corpus.projectFile("templates/default"))
        #expect(theme.lint().isEmpty, "\(theme.lint())")
        #expect(Theme.entryTemplates.allSatisfy(theme.has))
    }

    @Test("a name the renderer does not provide is reported at its line and column, with what is known there")
    func unknownName() throws {
        let folder = try Self.theme(editing: ["html/foot.mustache": "<footer>\n  <p>{{titleText}} – {{publisher}}</p>\n</footer>\n"])
        let problems = try Theme.load(folder: folder).lint()
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.file.hasSuffix("html/foot.mustache") && problem.line == 2 && problem.column == 22, "\(problem)")
        #expect(problem.message.contains("'publisher' is not a value the renderer provides here"))
    }

    @Test("names are checked in their scope: a cell's name outside the cells is reported")
    func scopes() throws {
        let folder = try Self.theme(editing: ["html/single.mustache": "{{#sections}}{{#rows}}{{isMissing}}{{/rows}}{{/sections}}{{#sections}}{{#rows}}{{#cells}}{{isMissing}}{{id}}{{titleText}}{{/cells}}{{/rows}}{{/sections}}\n"])
        let problems = try Theme.load(folder: folder).lint().map(\.description)
        #expect(problems.count == 1 && problems[0].contains("single.mustache:1:23: error: 'isMissing'"), "\(problems)")
    }

    @Test("a missing partial and a Markdown template without its content type are reported")
    func partialsAndPragmas() throws {
        let folder = try Self.theme(editing: ["html/parallel.mustache": "{{> html/nothing}}\n", "md/single.mustache": "# {{titleText}}\n"])
        let problems = try Theme.load(folder: folder).lint().map(\.description)
        #expect(problems.contains { $0.contains("parallel.mustache:1:1: error: no partial 'html/nothing'") }, "\(problems)")
        #expect(problems.contains { $0.contains("single.mustache:1:1: error: start the template with {{%CONTENT_TYPE:MARKDOWN}}") }, "\(problems)")
    }

    @Test("a template that does not parse is refused at its line and column")
    func syntaxError() throws {
        let folder = try Self.theme(editing: ["html/single.mustache": "<main>\n{{#sections}}\n<p>{{id}}</p>\n{{/rows}}\n"])
        var diagnostics: [Diagnostic] = []
        do {
            _ = try Theme.load(folder: folder)
        } catch {
            diagnostics = error.diagnostics
        }
        let problem = try #require(diagnostics.first, "a broken template loaded")
        #expect(problem.file.hasSuffix("html/single.mustache") && problem.line == 4, "\(problem)")
        #expect(problem.message.contains("the closing tag does not match the open section"), "\(problem)")
    }

    @Test("rendering with a theme that names an unknown value fails instead of printing nothing")
    func renderRefusesBadTheme() throws {
        let folder = try Self.theme(editing: ["html/parallel.mustache": "{{titel}}\n"])
        let renderer = try RenderingTests.renderer()
        let document = try ContentLoader().load(file: RenderingTests.sample)
        #expect(throws: RenderingError.self) {
            try DocumentRenderer(theme: try Theme.load(folder: folder), termbase: renderer.termbase).render(document, options: RenderOptions())
        }
    }
}
