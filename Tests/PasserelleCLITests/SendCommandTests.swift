import Foundation
import Testing
import TestSupport

/// `passerelle send` as the communication team uses it for a test copy: through msmtp to an
/// SMTP server (Python's aiosmtpd, from the test venv, on 127.0.0.1), read back from the
/// server's mailbox with Python's email package.
@Suite("passerelle send")
struct SendCommandTests {
    @Test("a test copy reaches the SMTP server through msmtp, with its To and the address in the unsubscribe link")
    func sendThroughMsmtp() throws {
        let venv = ProcessInfo.processInfo.environment["PASSERELLE_TEST_VENV"] ?? Corpus.projectFile(".venv-test")
        let python = venv + "/bin/python"
        try #require(FileManager.default.isExecutableFile(atPath: venv + "/bin/aiosmtpd"),
                     "aiosmtpd is missing in \(venv): run make test-venv (or make test)")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp"), "msmtp is missing: apt-get install msmtp (make deps)")
        let folder = try TemporaryFolder.make("send")
        defer { TemporaryFolder.remove(folder) }
        let render = try CommandRunner.run(["render", "content/newsletter-2021-01.xml", "--format", "eml", "--lang", "fr",
                                            "-o", folder.appendingPathComponent("lettre.fr.eml").path])
        try #require(render.status == 0, "\(render.stderr)")

        let port = Int.random(in: 20_000...40_000)
        let mailbox = folder.appendingPathComponent("maildir").path
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", mailbox]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        // Until the server listens (at most 10 s).
        for _ in 0..<100 where !Self.listens(port) { Thread.sleep(forTimeInterval: 0.1) }

        let configuration = folder.appendingPathComponent("msmtprc").path
        try """
        defaults
        auth off
        tls off
        account test
        host 127.0.0.1
        port \(port)
        from lettre@cluster-ess.example
        account default : test

        """.write(toFile: configuration, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configuration)
        let sent = try CommandRunner.run(["send", folder.appendingPathComponent("lettre.fr.eml").path, "--to", "essai@example.org",
                                          "--sendmail", "msmtp -C \(configuration)"])
        #expect(sent.status == 0 && sent.stderr.contains("sent to essai@example.org"), "\(sent.stderr)")

        let received = try FileManager.default.contentsOfDirectory(atPath: mailbox + "/new")
        try #require(received.count == 1, "\(received)")
        let bytes = try #require(FileManager.default.contents(atPath: mailbox + "/new/" + received[0]))
        let parsed = try PythonEmail.parse(Array(bytes))
        let headers = try #require(parsed["headers"] as? [String: String])
        #expect(headers["To"] == "essai@example.org" && headers["Content-Language"] == "fr")
        #expect(headers["List-Unsubscribe"]?.contains("email=essai@example.org") == true, "\(headers["List-Unsubscribe"] ?? "")")
        #expect((parsed["parts"] as? [[String: Any]])?.count == 2)

        let refused = try CommandRunner.run(["send", folder.appendingPathComponent("lettre.fr.eml").path, "--to", "essai@example.org",
                                             "--sendmail", "msmtp -C \(configuration) --port=1"])
        #expect(refused.status == 2 && refused.stderr.contains("the message was not sent"), "\(refused.stderr)")
    }

    /// True when something accepts connections on 127.0.0.1:`port`.
    static func listens(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
