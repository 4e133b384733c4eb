import Foundation

/// An RFC 5322 message with a `multipart/alternative` body (RFC 2046): the plain-text part
/// first, the HTML part last (a client shows the last part it can), both UTF-8 and
/// quoted-printable, every line ending in CRLF and at most 78 characters (998 at most, by
/// the standard). The same message gives the same bytes: the boundary is derived from the
/// content, and the date and Message-ID are given.
///
/// ```swift
/// var message = MIMEMessage(from: sender, subject: "La Lettre n° 3", date: date, messageID: "<3.fr@cluster.example>")
/// try message.setHeader("Content-Language", "fr")
/// message.alternatives = [.init(type: "text/plain; charset=utf-8; format=flowed", text: text),
///                         .init(type: "text/html; charset=utf-8", text: html)]
/// let bytes = message.bytes
/// ```
public struct MIMEMessage: Sendable {
    /// One alternative of the body.
    public struct Part: Sendable {
        /// The `Content-Type` value, e.g. `text/html; charset=utf-8`.
        public let type: String
        public let text: String

        public init(type: String, text: String) {
            self.type = type
            self.text = text
        }
    }

    /// Headers in order, after From, To, Subject, Date and Message-ID.
    public private(set) var headers: [(name: String, value: String)] = []
    public var alternatives: [Part] = []

    /// - Throws: ``MailError/lineBreakInHeader(name:source:)`` when the subject or the
    ///   Message-ID holds a line break.
    public init(from sender: MailAddress, to recipients: [MailAddress] = [], subject: String, date: Date, messageID: String,
                source: String = "settings") throws(MailError) {
        try add("From", sender.header(used: 6), source: source)
        if !recipients.isEmpty {
            try add("To", recipients.enumerated().map { $1.header(used: $0 == 0 ? 4 : 1) }.joined(separator: ",\r\n "), source: source)
        }
        try add("Subject", EncodedWord.encode(Self.checked(subject, "Subject", source), used: 9), source: source)
        try add("Date", MailDate.header(date), source: source)
        try add("Message-ID", messageID, source: source)
        try add("MIME-Version", "1.0", source: source)
    }

    /// Adds a header; its value must hold no line break (other than the folding this type writes).
    public mutating func setHeader(_ name: String, _ value: String, source: String = "settings") throws(MailError) {
        try add(name, Self.checked(value, name, source), source: source)
    }

    /// Adds a header written on several lines: `value` folded with CRLF and a space between
    /// its pieces, each of which must hold no line break.
    public mutating func setHeaderFolded(_ name: String, _ value: String, source: String = "settings") throws(MailError) {
        for piece in value.components(separatedBy: "\r\n ") { _ = try Self.checked(piece, name, source) }
        try add(name, value, source: source)
    }

    private mutating func add(_ name: String, _ value: String, source: String) throws(MailError) {
        guard !name.contains(where: { $0 == ":" || $0.isWhitespace }) else { throw .lineBreakInHeader(name: name, source: source) }
        headers.append((name, value))
    }

    private static func checked(_ value: String, _ name: String, _ source: String) throws(MailError) -> String {
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) { throw .lineBreakInHeader(name: name, source: source) }
        return value
    }

    /// The boundary between the parts: from a hash of their text, so it never occurs in them
    /// (quoted-printable lines cannot hold "----=_").
    private var boundary: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in alternatives { for byte in part.text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 } }
        return "----=_Passerelle_" + String(hash, radix: 16)
    }

    /// The message, CRLF line ends.
    public var text: String {
        var lines = headers.map { "\($0.name): \($0.value)" }
        if alternatives.count == 1, let only = alternatives.first {
            lines += ["Content-Type: \(only.type)", "Content-Transfer-Encoding: quoted-printable", "", QuotedPrintable.encode(only.text)]
            return lines.joined(separator: "\r\n") + "\r\n"
        }
        let boundary = boundary
        lines += ["Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"", "", "This is a message in the MIME format: plain text and HTML."]
        for part in alternatives {
            lines += ["", "--\(boundary)", "Content-Type: \(part.type)", "Content-Transfer-Encoding: quoted-printable", "",
                      QuotedPrintable.encode(part.text)]
        }
        lines += ["--\(boundary)--", ""]
        return lines.joined(separator: "\r\n")
    }

    public var bytes: [UInt8] { Array(text.utf8) }
}
