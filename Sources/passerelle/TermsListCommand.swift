import Base
import Linguistics
import ArgumentParser
import Foundation
import Terminology

/// `passerelle terms list`: the terms of one language in its collation order.
struct TermsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the terms of a language, sorted by its ICU collation, optionally under A-Z headings."
    )

    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "The language to list (BCP 47): fr, de, en ...")
    var lang: String = "fr"

    @Option(name: .long, help: "An ICU collation type, e.g. phonebook (German telephone-book order).")
    var collation: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Only these statuses: preferred admitted deprecated superseded.")
    var status: [TermStatus] = []

    @Flag(name: .long, help: "Group the terms under A-Z section headings (É under E, Ä under A).")
    var sections = false

    func run() throws {
        try reportingFailures {
            let termbase = try glossary.load()
            let index = try TermIndex(termbase: termbase, language: lang, collation: collation,
                                      statuses: status.isEmpty ? Set(TermStatus.allCases) : Set(status))
            let groups = sections ? try index.sections() : [TermIndex.Section(label: "", entries: index.entries)]
            switch output.format {
            case .json:
                let values = groups.map(TermbaseJSON.Section.init)
                print(sections ? JSONText.encode(values) : JSONText.encode(values.first?.terms ?? []))
            case .text:
                let concepts = Dictionary(termbase.concepts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                for group in groups {
                    if sections { print("\n\(group.label)") }
                    for entry in group.entries {
                        let regions = entry.term.regions.isEmpty ? "" : "  [\(entry.term.regions.joined(separator: " "))]"
                        let others = concepts[entry.conceptID]?.equivalents(besides: lang) ?? ""
                        let equivalents = others.isEmpty ? "" : "  (\(others))"
                        print(TerminalText.escaped("\(entry.term.text)  \(entry.term.status.rawValue)  → \(entry.conceptID)\(regions)\(equivalents)"))
                    }
                }
            }
        }
    }
}

extension TermStatus: ExpressibleByArgument {}
