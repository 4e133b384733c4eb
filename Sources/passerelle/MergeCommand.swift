import ArgumentParser
import Base
import Content
import Exchange
import Foundation

/// `passerelle merge DOC FILE.xlf`: a translator's XLIFF written back into the sources.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Write the translations of a returned XLIFF file (from passerelle extract) into the content sources.",
        discussion: """
        Each target goes into its unit's <text xml:lang>, stamped as translated from the source it was extracted from; \
        every other byte of the sources stays as it was. A file with a problem (malformed, another document, codes that \
        are not the source's) is refused and nothing is written. A unit whose source changed since the extraction is \
        reported and not merged (exit 1); an empty target is skipped and listed.
        """
    )

    @Argument(help: "The content source the file was extracted from.")
    var document: String

    @Argument(help: "The returned XLIFF file.")
    var xliff: String

    @Flag(name: .long, help: "Show what would change; write nothing.")
    var dryRun = false

    @OptionGroup var content: ContentOptions

    func run() throws {
        var exit: Int32 = 0
        try reportingFailures {
            try requireReadableFile(xliff)
            let loaded = try content.load(document)
            let returned = try ReturnedXLIFF(file: xliff)
            let outcome = try TranslationMerger(document: loaded).merge(returned, file: xliff, dryRun: dryRun)
            printDiagnostics(outcome.changedSource)
            for (unit, markup) in outcome.merged {
                print("\(dryRun ? "would merge" : "merged") \(unit): \(markup)")
            }
            if !outcome.empty.isEmpty { print("skipped (no target): \(outcome.empty.joined(separator: ", "))") }
            let verb = dryRun ? "would be merged" : "merged"
            print("\(outcome.merged.count) translation(s) \(verb), \(outcome.unchanged.count) unchanged, \(outcome.empty.count) without target, "
                + "\(outcome.changedSource.count) with a changed source" + (outcome.files.isEmpty ? "" : "; written: \(outcome.files.joined(separator: ", "))"))
            if !outcome.changedSource.isEmpty { exit = 1 }
        }
        if exit != 0 { throw ExitCode(exit) }
    }
}
