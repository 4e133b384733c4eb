import Foundation

/// Hands a message to the system's sendmail interface (msmtp from Debian, configured by
/// the user in `~/.msmtprc`), rather than speaking SMTP itself: the user's server, account
/// and TLS settings stay where the user keeps them.
public struct MailSender: Sendable {
    /// The command and its arguments; the recipients are added after `-i --`.
    public let command: [String]

    /// `command` split on spaces (`"msmtp -C ~/test.msmtprc"`); default: msmtp when it is
    /// installed, else `/usr/sbin/sendmail`.
    public init(command: String? = nil) {
        if let command {
            self.command = command.split(separator: " ").map(String.init)
        } else {
            let msmtp = ["/usr/bin/msmtp", "/usr/local/bin/msmtp"].first { FileManager.default.isExecutableFile(atPath: $0) }
            self.command = [msmtp ?? "/usr/sbin/sendmail"]
        }
    }

    /// A test copy of `eml` for `recipient`: a To header, and the recipient in place of the
    /// unsubscribe URL's `{email}` (what the mailing tool would do).
    public static func testCopy(of eml: String, to recipient: MailAddress) -> String {
        let encoded = recipient.address.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "@.-_"))) ?? recipient.address
        return "To: \(recipient.header(used: 4))\r\n" + eml.replacingOccurrences(of: "{email}", with: encoded)
    }

    /// Sends `message` (RFC 5322, CRLF) to `recipient`.
    public func send(_ message: String, to recipient: MailAddress) throws(MailError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + ["-i", "--", recipient.address]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .sendFailed(command: command.joined(separator: " "), reason: "cannot run it (\(error.localizedDescription))")
        }
        input.fileHandleForWriting.write(Data(message.utf8))
        try? input.fileHandleForWriting.close()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = said.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw .sendFailed(command: command.joined(separator: " "), reason: reason)
        }
    }
}
