import ArgumentParser
import Terminology

/// `--glossary`, for every command that reads a termbase.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .long, help: "A glossary file or folder (.xml, .tbx, .csv, .tsv); repeatable. Default: glossaries/")
    var glossary: [String] = []

    /// Loads every glossary named (or the default folder).
    func load() throws -> Termbase {
        try GlossaryLoader().load(paths: glossary.isEmpty ? ["glossaries"] : glossary)
    }
}

/// `--format text|json`, for the `terms` commands.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
