import ArgumentParser

/// `passerelle terms`: list, look up, check, convert and count the termbase.
struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Work with the termbase: list, lookup, lint, convert, stats.",
        subcommands: [TermsListCommand.self, TermsLookupCommand.self, TermsLintCommand.self,
                      TermsConvertCommand.self, TermsStatsCommand.self]
    )
}
