import Foundation
import TestSupport
import Testing

/// The README's "Your first newsletter", run as written: its shell blocks, in order,
/// with `passerelle` installed by `make install-files` into a fresh home folder.
@Suite("README walk-through: your first newsletter")
struct WalkthroughTests {
    /// The shell blocks of the README section as one script that stops at the first
    /// command whose exit status is not the one its `# exit N` comment announces (0 when
    /// it announces none).
    static func script() throws -> String {
        let readme = try String(contentsOfFile: Corpus.projectFile("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Your first newsletter\n").dropFirst().first?
            .components(separatedBy: "\n## ").first, "README.md has no '## Your first newsletter' section")
        var script = "set -u\n"
        /// The check of a command that starts a here-document, written after its body.
        var pendingCheck: String?
        for block in section.components(separatedBy: "```sh\n").dropFirst() {
            let code = block.components(separatedBy: "\n```").first ?? ""
            for line in code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if let check = pendingCheck {
                    script += line + "\n"
                    if line == "EOF" { script += check; pendingCheck = nil }
                    continue
                }
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                var command = line, expected = 0
                if let range = command.range(of: #"\s+# exit (\d+).*$"#, options: .regularExpression) {
                    expected = Int(command[range].drop { !$0.isNumber }.prefix { $0.isNumber }) ?? 0
                    command = String(command[..<range.lowerBound])
                }
                let shown = command.replacingOccurrences(of: "'", with: "'\\''")
                let check = "status=$?; [ $status -eq \(expected) ] || { echo 'README step failed (exit '$status', expected \(expected)): \(shown)' >&2; exit 97; }\n"
                script += command + "\n"
                if command.contains("<<'EOF'") { pendingCheck = check } else { script += check }
            }
        }
        return script
    }

    @Test("every step of the walk-through does what the README says, with the installed binary, outside the clone")
    func walkthrough() throws {
        let home = try TemporaryFolder.make("walkthrough-home")
        defer { TemporaryFolder.remove(home) }
        let binary = ProcessInfo.processInfo.environment["PASSERELLE_RELEASE_BIN"] ?? CommandRunner.debugBinary
        let prefix = home.appendingPathComponent(".local").path
        let install = try CommandRunner.run(["make", "-s", "install-files", "PREFIX=\(prefix)", "RELEASE_BIN=\(binary)"], binary: "/usr/bin/env")
        try #require(install.status == 0, "make install-files failed: \(install.stderr)")

        let script = try Self.script()
        let run = try CommandRunner.run(["bash", "-c", script], binary: "/usr/bin/env",
                                        environment: ["HOME": home.path, "PATH": "\(prefix)/bin:/usr/bin:/bin", "XDG_CACHE_HOME": home.path + "/.cache"])
        #expect(run.status == 0, "\(run.stderr)\n--- stdout:\n\(run.stdout)")

        let letter = home.appendingPathComponent("lettre")
        let html = try String(contentsOf: letter.appendingPathComponent("out/lettre-2026-12.html"), encoding: .utf8)
            .replacingOccurrences(of: "\u{00AD}", with: "")
        #expect(html.contains("lang=\"de\"") && html.contains("Termine"), "the German column is rendered")
        #expect(!html.contains("class=\"notice\""), "no translation is shown with a missing or outdated badge")
        let markdown = try String(contentsOf: letter.appendingPathComponent("out/lettre-2026-12.md"), encoding: .utf8)
        #expect(markdown.contains("- [Deutsch](#lang-de)"))
        let item = try String(contentsOf: letter.appendingPathComponent("content/items/2026-12-forum.xml"), encoding: .utf8)
        #expect(item.components(separatedBy: "xml:lang=\"de\" from=\"").count - 1 == 3, "the item's German texts are stamped: \(item)")
    }
}
