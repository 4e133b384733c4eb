import Base

/// Why a message cannot be written.
public enum MailError: DiagnosticError, CustomStringConvertible, Sendable, Equatable {
    /// A header value holds a line break (CR or LF), which would start a header of its own
    /// (header injection): `source` says where the value came from.
    case lineBreakInHeader(name: String, source: String)
    /// An address that is not `local@domain`.
    case invalidAddress(String, source: String)
    /// The settings file cannot be used, each problem at its place.
    case settings([Diagnostic])
    /// The sendmail program could not take the message.
    case sendFailed(command: String, reason: String)

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .lineBreakInHeader(name, source):
            [Diagnostic(file: source, line: 0, message: "the \(name) header would hold a line break: remove it (a line break in a header starts another header)")]
        case let .invalidAddress(address, source):
            [Diagnostic(file: source, line: 0, message: "'\(address)' is not an e-mail address: write it as name@example.org")]
        case let .settings(problems): problems
        case let .sendFailed(command, reason):
            [Diagnostic(file: command, line: 0, message: "the message was not sent: \(reason). Configure msmtp (~/.msmtprc, see man msmtp) or pass --sendmail COMMAND")]
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
