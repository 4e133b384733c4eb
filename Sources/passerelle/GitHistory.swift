import Content
import Foundation

/// The earlier versions of a file from its git history (`git log` and `git show`),
/// newest first, at most `limit` of them. No repository, no git: no version.
struct GitHistory: SourceHistory {
    var limit = 200

    func versions(of file: String) -> [Data] {
        let url = URL(fileURLWithPath: file).resolvingSymlinksInPath()
        let folder = url.deletingLastPathComponent().path, name = url.lastPathComponent
        guard let log = git(["log", "--format=%H", "-n", "\(limit)", "--", name], in: folder) else { return [] }
        return String(decoding: log, as: UTF8.self).split(separator: "\n").compactMap { commit in
            git(["show", "\(commit):./\(name)"], in: folder)
        }
    }

    /// The output of a git command, nil when it fails (no git, not a repository).
    private func git(_ arguments: [String], in folder: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
