import ArgumentParser
import Terminology

/// Options shared by the commands that read a termbase.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .long, help: "A glossary file or folder (.xml, .tbx, .csv, .tsv); repeatable. Default: glossaries/")
    var glossary: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// Loads every glossary named (or the default folder).
    func load() throws -> Termbase {
        try GlossaryLoader().load(paths: glossary.isEmpty ? ["glossaries"] : glossary)
    }
}

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
