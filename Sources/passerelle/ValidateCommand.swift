import ArgumentParser
import Consistency
import Content
import Foundation
import Rendering
import Terminology
import XMLSupport

/// `passerelle validate FILE...`: schema, ids, links and term references of content sources.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate content sources (schema, unique ids, languages, links, term references) and XLIFF files (1.2, 2.x).",
        discussion: "Every problem of every file is reported with file:line:column. Exit status 2 when a file has a problem."
    )

    @Argument(help: "Content sources, or XLIFF files (.xlf, .xliff) (default: every .xml file in content/).")
    var files: [String] = []

    @OptionGroup var glossary: GlossaryOptions

    @OptionGroup var content: ContentOptions

    func run() throws {
        var failed = false
        try reportingFailures {
            let termbase = try glossary.load()
            for file in try ContentOptions.files(files) {
                if ["xlf", "xliff"].contains((file as NSString).pathExtension.lowercased()) {
                    let problems = XLIFFValidation.problems(in: file)
                    printDiagnostics(problems)
                    failed = failed || !problems.isEmpty
                    if problems.isEmpty { print("\(file): valid XLIFF") }
                    continue
                }
                do {
                    let document = try content.load(file)
                    let problems = TermAnnotator(termbase: termbase, languages: document.languages).problems(in: document)
                    printDiagnostics(document.warnings + problems)
                    failed = failed || !problems.isEmpty
                    if problems.isEmpty { print("\(file): valid (\(document.units.count) units, \(document.languages.joined(separator: " ")))") }
                } catch let error as ContentError {
                    printDiagnostics(error.diagnostics)
                    failed = true
                } catch let error as CommandFailure {
                    FileHandle.standardError.write(Data("passerelle: error: \(error.message)\n".utf8))
                    failed = true
                }
            }
        }
        if failed { throw ExitCode(2) }
    }
}
