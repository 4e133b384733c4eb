import ArgumentParser
import Base
import Consistency
import Content
import Foundation
import Rendering
import Terminology
import XMLSupport

/// Reports a user-facing failure: one line on stderr, then exit status 2 (bad
/// input or usage), without a stack trace.
struct CommandFailure: Error {
    let message: String

    init(message: String) { self.message = message }
}

extension ParsableCommand {
    /// Runs `body`; a thrown error becomes one `error:` line on stderr and exit status 2.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            if let located = error as? any DiagnosticError {
                // Already `file:line:column: error: message`, one per line.
                printDiagnostics(located.diagnostics)
            } else {
                let message = (error as? CommandFailure)?.message ?? "\(error)"
                FileHandle.standardError.write(Data("passerelle: error: \(TerminalText.escaped(message, keepingLines: true))\n".utf8))
            }
            throw ExitCode(2)
        }
    }
}

/// Reads a file the user named, with a message they can act on when it fails.
func readInput(_ path: String) throws -> [UInt8] {
    try requireReadableFile(path)
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure(message: "\(path): cannot be read (permission denied or a folder)")
    }
    return [UInt8](data)
}

/// Checks, without reading it, that a file the user named exists and can be read.
func requireReadableFile(_ path: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw CommandFailure(message: "\(path): no such file")
    }
    guard !isFolder.boolValue, FileManager.default.isReadableFile(atPath: path) else {
        throw CommandFailure(message: "\(path): cannot be read (permission denied or a folder)")
    }
}

/// Prints diagnostics on stderr, one per line.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    FileHandle.standardError.write(Data(diagnostics.map { TerminalText.escaped("\(displayed($0))", keepingLines: true) + "\n" }.joined().utf8))
}

/// A diagnostic with its file relative to the current folder when it is inside it
/// (included files are known by absolute paths), as the user names files.
func displayed(_ diagnostic: Diagnostic) -> Diagnostic {
    var shown = diagnostic
    shown.file = displayedPath(diagnostic.file)
    return shown
}

/// `path` relative to the current folder when it is inside it.
func displayedPath(_ path: String) -> String {
    let folder = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
}

/// Refuses to write `output` over one of the files a command read (`render nl.xml -o
/// nl.xml` would replace the source with its rendering), links and `..` resolved.
func refuseOverwriting(_ inputs: some Sequence<String>, with output: String) throws {
    func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
    let target = resolved(output)
    if let input = inputs.first(where: { resolved($0) == target }) {
        throw CommandFailure(message: "\(output): this is an input (\(input)); write the output to another file")
    }
}
