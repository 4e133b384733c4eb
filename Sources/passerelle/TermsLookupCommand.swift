import Base
import ArgumentParser
import Terminology

/// `passerelle terms lookup`: finds a concept by one of its terms.
struct TermsLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find concepts by a term, ignoring case, accents and inflection (\"economies sociales\" finds \"économie sociale\")."
    )

    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The term or words to look for.")
    var query: String

    @Option(name: .long, help: "Only look in this language.")
    var lang: String?

    func run() throws {
        try reportingFailures {
            let termbase = try glossary.load()
            let matches = try TermLookup(termbase: termbase).find(query, language: lang)
            var seen: [String] = []
            for match in matches where !seen.contains(match.conceptID) { seen.append(match.conceptID) }
            let concepts = seen.compactMap { termbase.concept(id: $0) }
            switch output.format {
            case .json:
                print(JSONText.encode(TermbaseJSON.Lookup(query: query, concepts: concepts)))
            case .text:
                if concepts.isEmpty {
                    print("No concept has a term matching '\(query)'.")
                    throw ExitCode(1)
                }
                let hits = Set(matches.map(\.term.text))
                for concept in concepts {
                    print(TerminalText.escaped(ConceptCard.text(concept, highlight: concept.languages.flatMap(\.terms).first { hits.contains($0.text) }?.text), keepingLines: true))
                    print("")
                }
            }
        }
    }
}
