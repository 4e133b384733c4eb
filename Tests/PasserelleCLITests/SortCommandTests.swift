import Foundation
import TestSupport
import Testing

@Suite("passerelle sort")
struct SortCommandTests {
    static let words = "samples/words-fr-de.txt"

    @Test("sorts the bundled word list per locale", arguments: [
        (["--locale", "fr"], "sort-fr.txt"),
        (["--locale", "de"], "sort-de.txt"),
        (["--locale", "de-u-co-phonebk"], "sort-de-phonebk.txt"),
        (["--locale", "fr", "--strength", "primary", "--unique"], "sort-fr-primary-unique.txt"),
        (["--locale", "de", "--reverse"], "sort-de-reverse.txt"),
    ])
    func wordList(arguments: [String], snapshot: String) throws {
        let result = try CommandRunner.run(["sort"] + arguments + [Self.words])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let mismatch = Snapshot.mismatch(result.stdout, named: snapshot, folder: "Tests/PasserelleCLITests/Snapshots")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("German phonebook order puts Ärger with Aerger, standard German with Arg")
    func phonebookOrder() throws {
        let input = Data("Arg\nÄrger\nAerger\n".utf8)
        #expect(try CommandRunner.run(["sort", "-l", "de"], stdin: input).stdout == "Aerger\nArg\nÄrger\n")
        #expect(try CommandRunner.run(["sort", "-l", "de-u-co-phonebk"], stdin: input).stdout == "Aerger\nÄrger\nArg\n")
    }

    @Test("numeric, unique at a strength, stable ties, input without final newline")
    func options() throws {
        let numbers = try CommandRunner.run(["sort", "-l", "en", "--numeric"], stdin: Data("article 10\narticle 9\narticle 100".utf8))
        #expect(numbers.stdout == "article 9\narticle 10\narticle 100\n")
        let unique = try CommandRunner.run(["sort", "-l", "fr", "-s", "secondary", "-u"], stdin: Data("Côte\ncôte\ncote\n".utf8))
        #expect(unique.stdout == "cote\nCôte\n")
        let stable = try CommandRunner.run(["sort", "-l", "fr", "-s", "primary"], stdin: Data("b\nÉ\ne\nE\n".utf8))
        #expect(stable.stdout == "b\nÉ\ne\nE\n")
    }

    @Test("bad input: one clear error line, exit status 2", arguments: [
        (["sort", "-l", "xx"], "Unknown locale 'xx'"),
        (["sort", "-l", "fr", "no-such-file.txt"], "no-such-file.txt: no such file"),
        (["sort", "-l", "fr"], "<stdin>:2: invalid UTF-8"),
        (["sort", "-l", "fr-u-co-phonebk"], "has no collation type 'phonebook'"),
    ])
    func errors(arguments: [String], expected: String) throws {
        let stdin = Data([0x61, 0x0A, 0xFF, 0xFE, 0x0A])
        let result = try CommandRunner.run(arguments, stdin: stdin)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }
}
