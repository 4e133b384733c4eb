import Content
import Foundation
import Mail
import Rendering
import Testing
import TestSupport

/// The e-mail HTML as a phone and a desktop client show it: headless Chromium lays the
/// message out in a frame 375 and 600 px wide, with its `<style>` block and without it
/// (what Gmail does in some cases), and the page must not scroll sideways.
@Suite("Newsletter e-mail: layout in Chromium")
struct EmailLayoutTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The message's scroll width and client width in a frame of `width` px.
    static func widths(_ html: String, width: Int, in folder: URL) throws -> (scroll: Int, client: Int) {
        let chromium = try #require(Self.chromium, "Chromium is needed to lay the e-mail out: apt-get install chromium (make test)")
        try html.write(to: folder.appendingPathComponent("message.html"), atomically: true, encoding: .utf8)
        try """
        <!doctype html><html><head><title>x</title></head><body style="margin:0">
        <iframe id="f" src="message.html" width="\(width)" height="900" style="border:0"></iframe>
        <script>document.getElementById('f').onload = function () { var e = this.contentDocument.documentElement;
        document.title = e.scrollWidth + " " + e.clientWidth; };</script></body></html>
        """.write(to: folder.appendingPathComponent("host.html"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=3000",
                             "--window-size=800,1000", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--dump-dom", folder.appendingPathComponent("host.html").absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let title = try #require(dom.range(of: "<title>").flatMap { start in dom.range(of: "</title>", range: start.upperBound..<dom.endIndex).map { String(dom[start.upperBound..<$0.lowerBound]) } })
        let numbers = title.split(separator: " ").compactMap { Int($0) }
        try #require(numbers.count == 2, "Chromium gave no widths: \(title)")
        return (numbers[0], numbers[1])
    }

    @Test("no sideways scrolling at 375 and 600 px, with and without the style block",
          arguments: ["content/newsletter-2019-07.xml", "content/newsletter-2021-01.xml"])
    func noHorizontalScroll(file: String) throws {
        let mailer = NewsletterMailer(renderer: try RenderingTests.renderer(),
                                      settings: try MailSettings.load(file: Corpus.projectFile("content/mail.toml")))
        let message = try #require(try mailer.messages(for: try ContentLoader().load(file: Corpus.projectFile(file)), languages: ["fr"], date: Date()).first)
        let folder = try TemporaryFolder.make("email-layout")
        defer { TemporaryFolder.remove(folder) }
        guard let styleStart = message.html.range(of: "<style>"), let styleEnd = message.html.range(of: "</style>") else {
            Issue.record("no style block in the head")
            return
        }
        let unstyled = message.html.replacingCharacters(in: styleStart.lowerBound..<styleEnd.upperBound, with: "")
        for (name, html) in [("styled", message.html), ("without the style block", unstyled)] {
            for width in [375, 600] {
                let (scroll, client) = try Self.widths(html, width: width, in: folder)
                #expect(scroll <= client, "\(file) \(name) at \(width) px: \(scroll) px of content in \(client) px")
            }
        }
    }

    @Test("the structure MJML (MRML, from the test venv) writes for an equivalent message is in ours: article role, ghost table, 600 px, Outlook settings, 480 px query, VML namespace, bulletproof button")
    func mjmlStructure() throws {
        let venv = ProcessInfo.processInfo.environment["PASSERELLE_TEST_VENV"] ?? Corpus.projectFile(".venv-test")
        let python = venv + "/bin/python"
        try #require(FileManager.default.isExecutableFile(atPath: python), "the test venv is missing at \(venv): run make test-venv (or make test)")
        let markers = ["role=\"article\"", "aria-roledescription=\"email\"", "<!--[if mso | IE]><table", "role=\"presentation\"",
                       "width=\"600\"", "max-width:600px", "<o:PixelsPerInch>96</o:PixelsPerInch>", "480px",
                       "xmlns:v=\"urn:schemas-microsoft-com:vml\"", "bgcolor=", "display:inline-block"]
        let script = """
        import json, mrml
        html = mrml.to_html('<mjml><mj-body width="600px"><mj-section><mj-column><mj-text>Texte</mj-text>'
                            '<mj-button href="https://example.org/">En savoir plus</mj-button></mj-column></mj-section></mj-body></mjml>').content
        print(json.dumps(html))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "mrml (PyPI) is missing in \(venv): run make test-venv")
        let reference = try #require(try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String)
        let mailer = NewsletterMailer(renderer: try RenderingTests.renderer(),
                                      settings: try MailSettings.load(file: Corpus.projectFile("content/mail.toml")))
        let ours = try #require(try mailer.messages(for: try ContentLoader().load(file: Corpus.projectFile("content/newsletter-2019-07.xml")),
                                                    languages: ["de"], date: Date()).first).html
        for marker in markers {
            #expect(reference.contains(marker), "MRML no longer writes \(marker)")
            #expect(ours.contains(marker), "our HTML lacks \(marker), which MJML writes")
        }
    }
}
