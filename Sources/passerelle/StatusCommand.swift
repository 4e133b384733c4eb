import ArgumentParser
import Base
import Content
import Foundation
import Linguistics

/// `passerelle status [FILE...]`: missing and outdated translations per document and language.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List missing and outdated translations of content sources, per document and language.",
        discussion: """
        A translation is outdated when the source-language text changed after it was made: its from="..." \
        no longer matches the source's hash. Once a translation is up to date, set from= to the hash shown. \
        Exit status 1 when a translation is missing or outdated.
        """
    )

    @Argument(help: "Content sources (default: every .xml file in content/).")
    var files: [String] = []

    @Option(name: .long, help: "Only these languages, comma-separated (default: every language but the source).")
    var lang: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Record the LANG translations as up to date: write from=\"HASH\" into each untracked or outdated one (after review).")
    var stamp: String?

    @Flag(name: .long, help: "For each outdated translation, show what changed in the source since it was stamped (from the file's git history).")
    var diff = false

    @OptionGroup var content: ContentOptions

    func run() throws {
        var needsWork = false
        try reportingFailures {
            let languages = lang.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            var reports: [TranslationReport] = []
            var changes: [String: String] = [:]
            for file in try ContentOptions.files(files) {
                var document = try content.load(file)
                if let stamp {
                    try Self.checkStampLanguage(stamp, of: document)
                    let stamped = try stampRetrying(file, language: stamp, loaded: &document)
                    FileHandle.standardError.write(Data("\(file): \(stamped) \(stamp) translation(s) stamped as current\n".utf8))
                    document = try content.load(file)
                }
                let report = document.translationReport(languages: languages)
                if diff {
                    for issue in report.issues { changes["\(issue.location)"] = StatusPrinter.change(for: issue, in: document) }
                }
                reports.append(report)
            }
            needsWork = reports.contains { !$0.issues.isEmpty }
            print(format == .json ? StatusPrinter.json(reports) : StatusPrinter.text(reports, changes: changes), terminator: "")
        }
        if needsWork { throw ExitCode(1) }
    }

    /// A language to stamp must be one of the document's translations.
    static func checkStampLanguage(_ language: String, of document: ContentDocument) throws {
        let translations = document.languages.dropFirst()
        if LanguageTag.primary(language) == LanguageTag.primary(document.sourceLanguage) {
            throw CommandFailure(message: "\(document.file): \(language) is the source language; stamp a translation: "
                + translations.map { "--stamp \($0)" }.joined(separator: " or "))
        }
        guard translations.contains(language) else {
            let meant = ICULocale.languageProblem(language)?.suggestion.flatMap { translations.contains($0) ? $0 : nil }
            throw CommandFailure(message: "\(document.file): the document has no \(language) translation; it declares "
                + document.languages.joined(separator: " ") + (meant.map { ": did you mean --stamp \($0)?" } ?? ""))
        }
    }

    /// Stamps `document`, loading it again when another run (or an editor) changed one
    /// of its files in the meantime; gives up after a few rounds.
    private func stampRetrying(_ file: String, language: String, loaded document: inout ContentDocument) throws -> Int {
        for _ in 0..<5 {
            do {
                return try TranslationStamper.stamp(document, language: language).count
            } catch ContentError.changedSinceLoaded {
                document = try content.load(file)
            }
        }
        return try TranslationStamper.stamp(document, language: language).count
    }
}

/// Writes translation reports for people (text) and tools (JSON).
enum StatusPrinter {
    /// The lines `status --diff` adds under an outdated translation.
    static func change(for issue: TranslationIssue, in document: ContentDocument) -> String? {
        guard case .outdated = issue.state else { return nil }
        guard let change = document.sourceChange(for: issue, history: GitHistory()) else {
            return "    (no earlier version of this source text in the file's git history: commit the sources to see what changed)\n"
        }
        return "    source then: \(change.then)\n    source now:  \(change.now)\n    changes:     \(WordDiff.text(of: change.changes))\n"
    }

    /// A location as the user names files: relative to the current folder when inside it.
    static func place(_ location: SourceLocation) -> String {
        var shown = location
        shown.file = displayedPath(location.file)
        return "\(shown)"
    }

    static func text(_ reports: [TranslationReport], changes: [String: String] = [:]) -> String {
        var output = ""
        for report in reports {
            output += "\(report.file) (source: \(report.sourceLanguage))\n"
            for counts in report.counts {
                output += "  \(counts.language): \(counts.current) of \(counts.units) current, \(counts.missing) missing, "
                    + "\(counts.outdated) outdated, \(counts.untracked) untracked\n"
            }
            for issue in report.issues {
                switch issue.state {
                case .missing:
                    output += "\(place(issue.location)): missing: \(issue.language) text of '\(issue.unitID)'"
                        + (issue.currentSourceHash.map { " (translate, then set from=\"\($0)\")" } ?? "") + "\n"
                case let .outdated(recorded, current):
                    output += "\(place(issue.location)): outdated: \(issue.language) text of '\(issue.unitID)' was translated from \(recorded); "
                        + "the source is now \(current)\n" + (changes["\(issue.location)"] ?? "")
                default:
                    break
                }
            }
            for issue in report.untracked {
                output += "\(place(issue.location)): untracked: \(issue.language) text of '\(issue.unitID)' has no from= "
                    + "(review it, then stamp it with --stamp \(issue.language))\n"
            }
        }
        return output
    }

    static func json(_ reports: [TranslationReport]) -> String {
        JSONText.encode(TranslationReportJSON(reports)) + "\n"
    }
}
