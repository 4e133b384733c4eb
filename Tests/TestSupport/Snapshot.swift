import Foundation

/// Compares an output with a recorded snapshot file beside the tests.
/// Run with `PASSERELLE_RECORD=1` to (re-)record snapshots after a deliberate change.
public enum Snapshot {
    /// Returns nil when `actual` matches the snapshot, else a message showing the difference.
    public static func mismatch(_ actual: String, named name: String, folder: String) -> String? {
        let path = Corpus.packageRoot.appendingPathComponent(folder).appendingPathComponent(name).path
        if ProcessInfo.processInfo.environment["PASSERELLE_RECORD"] == "1" {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "no snapshot at \(path); run the tests with PASSERELLE_RECORD=1 to record it"
        }
        if expected == actual { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if want != got { return "\(name) line \(index + 1): expected '\(want)', got '\(got)'" }
        }
        return "\(name) differs"
    }
}
