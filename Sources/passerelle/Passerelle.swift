import ArgumentParser

/// The `passerelle` command: multilingual terminology and content for the cluster.
@main
struct Passerelle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passerelle",
        abstract: "Multilingual terminology and content: termbases, bilingual documents, translation checks.",
        version: "0.1.0",
        subcommands: [SortCommand.self, TermsCommand.self, RenderCommand.self, StatusCommand.self, ValidateCommand.self, TemplatesCommand.self, CheckCommand.self]
    )
}
