import Base
import ArgumentParser
import Foundation
import Terminology

/// `passerelle terms lint`: checks the termbase; exit status 1 on errors.
struct TermsLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the termbase: duplicates, shared terms, missing languages or preferred terms, broken relations."
    )

    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Languages every concept must have, comma-separated.")
    var require: String = "fr,de,en"

    @Option(name: .long, help: "Only these rules, comma-separated: \(GlossaryLinter.rules.joined(separator: ", ")).")
    var rules: String?

    @Option(name: .long, help: "Leave out these rules, comma-separated.")
    var skip: String?

    func validate() throws { _ = try enabledRules() }

    /// The rules to apply; an unknown name is a usage error that lists the known ones.
    func enabledRules() throws -> Set<String> {
        func names(_ list: String) throws -> Set<String> {
            let names = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            if let unknown = names.subtracting(GlossaryLinter.rules).sorted().first {
                throw ValidationError("unknown lint rule '\(unknown)'; the rules are \(GlossaryLinter.rules.joined(separator: ", "))")
            }
            return names
        }
        return try (rules.map(names) ?? Set(GlossaryLinter.rules)).subtracting(skip.map(names) ?? [])
    }

    func run() throws {
        var errors = 0
        try reportingFailures {
            let termbase = try glossary.load()
            let linter = GlossaryLinter(requiredLanguages: require.split(separator: ",").map(String.init), enabledRules: try enabledRules())
            let findings = try linter.lint(termbase)
            errors = findings.filter { $0.severity == .error }.count
            switch output.format {
            case .json:
                print(JSONText.encode(TermbaseJSON.LintReport(findings, concepts: termbase.concepts.count)))
            case .text:
                for finding in findings { print(TerminalText.escaped("\(finding)")) }
                print("\(termbase.concepts.count) concepts: \(errors) errors, \(findings.count - errors) warnings")
            }
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
