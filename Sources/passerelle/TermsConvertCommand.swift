import ArgumentParser
import Foundation
import Terminology
import XMLSupport

/// `passerelle terms convert IN OUT`: between native XML, TBX v2/v3 and CSV/TSV.
struct TermsConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary between native XML, TBX (v2, or v3 with --to tbx3), CSV and TSV.",
        discussion: """
        Formats come from the file extensions unless --from / --to are given. A .tbx file is written as TBX v2 \
        (martif, TBX-Basic): Trados, memoQ, Phrase and translate-toolkit's tbx2po import it, while most CAT tools \
        do not read TBX v3 (ISO 30042:2019) yet; --to tbx3 writes v3. --to tbx-default writes TBX v2 in IATE's \
        dialect, TBX-Default, where reliability codes are a data category (TBX-Basic keeps them as notes). A term \
        read without a status is written without one. Reading tells the version from the file. \
        The output is written atomically.
        """
    )

    @Argument(help: "The glossary to read: a file, or a folder whose glossaries are merged.")
    var input: String

    @Argument(help: "The file to write.")
    var output: String

    @Option(name: .long, help: "Input format: native, tbx, csv, tsv (default: from the extension).")
    var from: GlossaryFormat?

    @Option(name: .long, help: "Output format: native, tbx (v2, martif, TBX-Basic), tbx-default (v2, IATE's dialect), tbx3, csv, tsv (default: from the extension).")
    var to: GlossaryFormat?

    func run() throws {
        try reportingFailures {
            let inputFiles = FolderFiles.list(input) { _ in true }
            try refuseOverwriting(inputFiles.isEmpty ? [input] : inputFiles + [input], with: output)
            let termbase = from == nil ? try GlossaryLoader().load(paths: [input]) : try GlossaryFormat.read(file: input, as: from)
            guard let format = to ?? GlossaryFormat(pathExtension: (output as NSString).pathExtension) else {
                throw TerminologyError.unknownFormat(path: output)
            }
            try format.write(termbase, to: output)
            FileHandle.standardError.write(Data("\(termbase.concepts.count) concepts, \(termbase.termCount) terms, \(termbase.languages.count) languages written to \(output)\n".utf8))
        }
    }
}

extension GlossaryFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}
