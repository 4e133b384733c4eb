import ArgumentParser
import Foundation

/// The `passerelle` command: multilingual terminology and content for the cluster.
@main
struct Passerelle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passerelle",
        abstract: "Multilingual terminology and content: termbases, bilingual documents, translation checks.",
        version: "0.1.0",
        subcommands: [SortCommand.self, TermsCommand.self, RenderCommand.self, StatusCommand.self, ValidateCommand.self, TemplatesCommand.self, CheckCommand.self, SendCommand.self, ExtractCommand.self, MergeCommand.self]
    )

    /// Runs the command; a usage error (unknown option, missing argument) exits with
    /// status 2, as bad input does, not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
