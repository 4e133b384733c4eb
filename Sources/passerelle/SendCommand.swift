import ArgumentParser
import Foundation
import Mail

/// `passerelle send FILE.eml --to ADDRESS`: a test message through the system's sendmail.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a test copy of a message written by render --format eml, through msmtp (or sendmail).",
        discussion: """
        The copy gets a To header and the address in place of the unsubscribe URL's {email}. msmtp reads its server \
        and account from ~/.msmtprc (see man msmtp); --sendmail names another command, e.g. "msmtp -a test".
        """
    )

    @Argument(help: "The message (.eml).")
    var file: String

    @Option(name: .long, help: "The test recipient's address.")
    var to: String

    @Option(name: .long, help: "The sendmail command (default: msmtp if installed, else /usr/sbin/sendmail).")
    var sendmail: String?

    func run() throws {
        try reportingFailures {
            let recipient = try MailAddress(address: to, source: "--to")
            let bytes = try readInput(file)
            let eml = String(decoding: bytes, as: UTF8.self)
            guard eml.hasPrefix("From:") || eml.contains("\r\nMIME-Version:") else {
                throw CommandFailure(message: "\(file): not a message written by passerelle render --format eml")
            }
            try MailSender(command: sendmail).send(MailSender.testCopy(of: eml, to: recipient), to: recipient)
            FileHandle.standardError.write(Data("passerelle: \(file) sent to \(recipient.address)\n".utf8))
        }
    }
}
