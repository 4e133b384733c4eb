import Base
import ArgumentParser
import Terminology

/// `passerelle terms stats`: counts of concepts, terms, statuses and equivalence.
struct TermsStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count concepts, terms per language and status, equivalence degrees.")

    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let stats = TermbaseStatistics(try glossary.load())
            switch output.format {
            case .json:
                print(JSONText.encode(TermbaseJSON.Statistics(stats)))
            case .text:
                print("\(stats.concepts) concepts, \(stats.terms) terms, \(stats.definitions) definitions (\(stats.definitionsWithSource) with a source)")
                for entry in stats.byLanguage {
                    let statuses = TermStatus.allCases.compactMap { status in entry.statuses[status].map { "\(status.rawValue) \($0)" } }
                    print("  \(entry.language): \(entry.terms) terms (\(statuses.joined(separator: ", ")))")
                }
                let degrees = Equivalence.allCases.compactMap { degree in stats.equivalence[degree].map { "\(degree.rawValue) \($0)" } }
                print("  equivalence: \(degrees.joined(separator: ", "))")
            }
        }
    }
}
