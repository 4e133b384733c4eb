import ArgumentParser
import Foundation
import Rendering

/// `passerelle templates lint [DIR]`: checks a theme's templates.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with themes (Mustache templates).",
        subcommands: [TemplatesLintCommand.self]
    )
}

/// `passerelle templates lint`: names the renderer does not provide, missing partials,
/// template syntax errors, Markdown and text templates without their content type.
struct TemplatesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a theme: every name a template uses must be one the renderer provides.",
        discussion: "Problems are reported with file:line:column; exit status 1 when there is one."
    )

    @Argument(help: "The theme folder (default: templates/default).")
    var theme: String?

    func run() throws {
        var problemCount = 0
        try reportingFailures {
            let loaded = try Theme.load(folder: try theme ?? Theme.defaultFolder())
            let problems = loaded.lint()
            printDiagnostics(problems)
            problemCount = problems.count
            print("\(loaded.folder): \(problems.isEmpty ? "no problem" : "\(problems.count) problem(s)")")
        }
        if problemCount > 0 { throw ExitCode(1) }
    }
}
