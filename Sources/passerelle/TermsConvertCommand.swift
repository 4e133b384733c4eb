import ArgumentParser
import Foundation
import Terminology

/// `passerelle terms convert IN OUT`: between native XML, TBX v3/v2 and CSV/TSV.
struct TermsConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary between native XML, TBX (v3, or v2 with --to tbx2), CSV and TSV.",
        discussion: "Formats come from the file extensions unless --from / --to are given. The output is written atomically."
    )

    @Argument(help: "The glossary to read: a file, or a folder whose glossaries are merged.")
    var input: String

    @Argument(help: "The file to write.")
    var output: String

    @Option(name: .long, help: "Input format: native, tbx, csv, tsv (default: from the extension).")
    var from: GlossaryFormat?

    @Option(name: .long, help: "Output format: native, tbx (v3), tbx2, csv, tsv (default: from the extension).")
    var to: GlossaryFormat?

    func run() throws {
        try reportingFailures {
            let termbase = from == nil ? try GlossaryLoader().load(paths: [input]) : try GlossaryFormat.read(file: input, as: from)
            guard let format = to ?? GlossaryFormat(pathExtension: (output as NSString).pathExtension) else {
                throw TerminologyError.unknownFormat(path: output)
            }
            try format.write(termbase, to: output)
            FileHandle.standardError.write(Data("\(termbase.concepts.count) concepts, \(termbase.termCount) terms, \(termbase.languages.count) languages written to \(output)\n".utf8))
        }
    }
}

extension GlossaryFormat: ExpressibleByArgument {}
