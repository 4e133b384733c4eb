import ArgumentParser
import Base
import Exchange
import Foundation

/// `passerelle extract DOC --to de`: the document's units as XLIFF for a translator's CAT tool.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write a content source's translatable units as XLIFF 2.1 (or 1.2) for a CAT tool, with the termbase inside.",
        discussion: """
        One unit per aligned block (the XIncluded items too), under its id, with the source's markup as inline codes, \
        its place and section as notes, the termbase's entries for the concepts it uses (never a deprecated term), \
        and the translation so far: current ones as final, outdated ones as initial with a note. Take the file back \
        with passerelle merge.
        """
    )

    @Argument(help: "The content source (XML).")
    var file: String

    @Option(name: .long, help: "The source language (default: the document's first language).")
    var from: String?

    @Option(name: .long, help: "The target language.")
    var to: String

    @Option(name: .long, help: "2.1 (default) or 1.2.")
    var xliff: XLIFFDocument.Version = .v21

    @Option(name: .long, help: "Only these units: current, outdated, missing (comma-separated; default: all).")
    var only: String?

    @Option(name: [.short, .long], help: "The XLIFF file to write (default: standard output).")
    var output: String?

    @OptionGroup var glossary: GlossaryOptions

    @OptionGroup var content: ContentOptions

    func run() throws {
        try reportingFailures {
            let document = try content.load(file)
            if let from, from != document.sourceLanguage {
                throw CommandFailure(message: "\(file): the source language is \(document.sourceLanguage), not \(from); translate from it (--from \(document.sourceLanguage))")
            }
            guard document.languages.contains(to), to != document.sourceLanguage else {
                throw CommandFailure(message: "\(file): --to must be one of the document's other languages: "
                    + document.languages.filter { $0 != document.sourceLanguage }.joined(separator: ", "))
            }
            let lookup = try GlossaryLookup(termbase: try glossary.load(), source: document.sourceLanguage, target: to)
            let xliffFile = XLIFFDocument(document: document, original: file, target: to, filter: try filter(), glossary: lookup)
            let text = xliffFile.xml(xliff)
            if let output {
                try refuseOverwriting([file] + document.sourceFingerprints.keys, with: output)
                try AtomicFile.write(text, to: output)
                FileHandle.standardError.write(Data("passerelle: \(xliffFile.units.count) unit(s) written to \(output) (XLIFF \(xliff.rawValue))\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    private func filter() throws -> ExtractionFilter {
        guard let only else { return .all }
        var filter: ExtractionFilter = []
        for name in only.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch name {
            case "current": filter.insert(.current)
            case "outdated": filter.insert(.outdated)
            case "missing": filter.insert(.missing)
            default: throw CommandFailure(message: "--only: unknown '\(name)'; write current, outdated or missing, comma-separated")
            }
        }
        return filter
    }
}

extension XLIFFDocument.Version: ExpressibleByArgument {}
