import Base

/// A check's text or JSON report written while the check runs: each batch of findings the
/// check gives (``ConsistencyChecker/check(files:reader:progress:stream:checker:)``) is
/// written at once, so a report of millions of findings is never held whole.
///
/// ```swift
/// let stream = ReportStream(format: .json) { text in try writer.write(text) }
/// let report = try ConsistencyChecker.check(files: files, reader: reader, stream: stream.add) { checker }
/// try stream.finish(report)
/// ```
public final class ReportStream {
    /// The formats that can be written as they come (HTML needs every finding first).
    public enum Format: Sendable {
        case text(colour: Bool)
        case json
    }

    private var text: TextReporter.Writer?
    private var json: JSONReporter.Writer?
    private let output: (String) throws -> Void
    /// What is not written yet: written by the megabyte.
    private var pending = ""
    /// The first error of `output`: nothing more is written after it, ``finish(_:)`` throws it.
    private var failure: (any Error)?
    private static let chunk = 1 << 20

    /// A stream that gives `output` the report's text, piece by piece, in order.
    public init(format: Format, output: @escaping (String) throws -> Void) {
        self.output = output
        switch format {
        case let .text(colour): text = TextReporter.Writer(colour: colour)
        case .json:
            json = JSONReporter.Writer()
            pending = json!.opening
        }
    }

    /// Writes a batch of findings (after those written before).
    public func add(_ findings: [Finding]) {
        if text != nil { pending += text!.text(of: findings) }
        if json != nil { pending += json!.text(of: findings) }
        if pending.utf8.count >= Self.chunk { flush() }
    }

    /// Writes the end of the report (its summary, from `report`'s counts).
    /// - Throws: the first error `output` threw.
    public func finish(_ report: CheckReport) throws {
        pending += text?.ending(report) ?? json?.ending(report) ?? ""
        flush()
        if let failure { throw failure }
    }

    private func flush() {
        defer { pending = "" }
        guard failure == nil, !pending.isEmpty else { return }
        do { try output(pending) } catch { failure = error }
    }
}
