import ArgumentParser
import Foundation
import Linguistics

/// `passerelle sort`: sorts lines by ICU collation.
struct SortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sort",
        abstract: "Sort lines by the collation rules of a language (ICU).",
        discussion: """
            Reads the files (or standard input) and writes their lines in the order of the
            locale: `passerelle sort --locale de-u-co-phonebk words.txt` sorts German the
            telephone-book way (Ä as AE). Input must be UTF-8.
            """
    )

    @Argument(help: "Files to sort; standard input when none is given.")
    var files: [String] = []

    @Option(name: .shortAndLong, help: "A BCP 47 locale: fr, de, de-u-co-phonebk, fr-CA, en ...")
    var locale: String = "root"

    @Option(name: .shortAndLong, help: "primary (base letters), secondary (accents), tertiary (case), quaternary or identical.")
    var strength: CollationStrength = .tertiary

    @Flag(name: .shortAndLong, help: "Keep only the first of lines equal at the chosen strength.")
    var unique = false

    @Flag(name: .shortAndLong, help: "Sort in reverse order.")
    var reverse = false

    @Flag(name: .shortAndLong, help: "Sort runs of digits by numeric value (2 before 10).")
    var numeric = false

    func run() throws {
        try reportingFailures {
            let collator = try Collator(locale: locale, strength: strength,
                                        options: .init(numeric: numeric, normalization: true))
            let inputs: [LineSorter.Input]
            if files.isEmpty {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                inputs = [LineSorter.Input(name: "<stdin>", bytes: [UInt8](data))]
            } else {
                inputs = try files.map { LineSorter.Input(name: $0, bytes: try readInput($0)) }
            }
            let output = try LineSorter(collator: collator).sort(inputs, options: .init(unique: unique, reverse: reverse))
            FileHandle.standardOutput.write(Data(output))
        }
    }
}

extension CollationStrength: ExpressibleByArgument {}
