import ArgumentParser
import Base
import Content
import Foundation
import Mail
import Rendering
import Terminology
import XMLSupport

/// `passerelle render FILE`: a charter or newsletter in HTML, Markdown or text.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a content source (charter, newsletter) in several languages: HTML, Markdown, text, DOCX, ODT or PDF.",
        discussion: """
        A missing translation shows the source language's text, marked, with a warning (an error with --strict); \
        an outdated one is shown, marked. Term references are checked against the termbase. The output is written \
        atomically; without -o it goes to standard output. Several sources need -o DIR: each is written there as \
        NAME.html (.md, .txt).
        """
    )

    @Argument(help: "The content sources (XML).")
    var files: [String]

    @Option(name: .long, help: "Languages to show, comma-separated, in column order (default: the document's).")
    var lang: String?

    @Option(name: .long, help: "parallel (side by side), stacked (the whole document in each language in turn), interleaved (each unit in each language in turn) or single (one language).")
    var layout: RenderOptions.Layout = .parallel

    @Option(name: .long, help: "html, md, txt, docx (Word), odt (LibreOffice), pdf (printed through WeasyPrint or Chromium), eml (a newsletter as one e-mail message per language) or email-html (its HTML part alone, for mailing tools). Default: from the -o file's ending, else html.")
    var format: RenderFormat?

    @Option(name: .long, help: "eml, email-html: the mail settings (sender, links, image URL). Default: mail.toml in the content folder.")
    var mailSettings: String?

    @Option(name: .long, help: "A theme folder (a copy of templates/default).")
    var theme: String?

    @OptionGroup var glossary: GlossaryOptions

    @Flag(name: .long, help: "Add a glossary of the concepts the document uses.")
    var glossaryAppendix = false

    @Option(name: .long, help: "Term notes (the concept in the other languages): none, first (each concept's first use) or all. Default: none for a newsletter, first for a charter.")
    var terms: RenderOptions.TermNotes?

    @Flag(name: .long, help: "HTML: no soft hyphens in long words (they come from libhyphen's patterns, Debian packages hyphen-de, hyphen-fr, hyphen-en-us).")
    var noHyphenation = false

    @Flag(name: .long, help: "Missing or outdated translations are errors.")
    var strict = false

    @Option(name: [.short, .long], help: "The output file, or a folder (needed for several sources; default: standard output).")
    var output: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name the content source to render, e.g. passerelle render content/charter.xml") }
        if files.count > 1 && output == nil {
            throw ValidationError("Several sources are written to a folder: add -o DIR (each becomes DIR/NAME.\((format ?? .html).fileExtension))")
        }
        if format?.isMail == true, output == nil, lang?.contains(",") != false {
            throw ValidationError("One message per language: add -o DIR (each becomes DIR/NAME.LANG.\(format!.fileExtension)), or --lang with one language")
        }
    }

    @OptionGroup var content: ContentOptions

    func run() throws {
        try reportingFailures {
            let termbase = try glossary.load()
            let renderer = DocumentRenderer(theme: try Theme.load(folder: try theme ?? Theme.defaultFolder()), termbase: termbase)
            let languages = lang.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            if let format, format.isMail {
                try runMail(renderer: renderer, languages: languages, htmlOnly: format == .emailHTML)
                return
            }
            let format = format ?? output.flatMap(RenderFormat.init(fileName:)) ?? .html
            var options = RenderOptions(languages: languages, layout: layout, format: format.document ?? .html, strict: strict,
                                        glossaryAppendix: glossaryAppendix, terms: terms,
                                        hyphenate: !noHyphenation)
            let folder = try outputFolder()
            if format.isBinary, folder == nil, output == nil, isatty(STDOUT_FILENO) == 1 {
                throw CommandFailure(message: "a \(format.rawValue.uppercased()) file is not for the terminal: add -o FILE.\(format.fileExtension)")
            }
            var failed = false
            for file in files {
                do {
                    let document = try content.load(file)
                    let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                    let target = folder.map { ($0 as NSString).appendingPathComponent("\(name).\(format.fileExtension)") } ?? output
                    options.outputFile = target
                    if let target { try refuseOverwriting([file] + document.sourceFingerprints.keys, with: target) }
                    let root = content.contentRoot ?? ContentOptions.defaultRoot(for: file)
                    let data: Data
                    let warnings: [Diagnostic]
                    if let office = format.office {
                        let result = try renderer.officeDocument(document, as: office, options: options, contentRoot: root)
                        (data, warnings) = (result.data, result.warnings)
                    } else if format == .pdf {
                        let result = try renderer.printedPDF(document, options: options, printer: try PDFPrinter.find(), contentRoot: root)
                        (data, warnings) = (result.data, result.warnings)
                    } else {
                        let result = try renderer.render(document, options: options, contentRoot: root)
                        (data, warnings) = (Data(result.output.utf8), result.warnings)
                    }
                    printDiagnostics(warnings)
                    if let target {
                        try AtomicFile.write(data, to: target)
                    } else {
                        FileHandle.standardOutput.write(data)
                    }
                } catch where files.count > 1 {
                    // Told, and the other sources still rendered.
                    try? reportingFailures { throw error }
                    failed = true
                }
            }
            if failed { throw ExitCode(2) }
        }
    }

    /// `--format eml` and `email-html`: one message (or HTML part) per language and source,
    /// DIR/NAME.LANG.eml, and the local images copied into DIR/assets for publishing.
    private func runMail(renderer: DocumentRenderer, languages: [String]?, htmlOnly: Bool) throws {
        let messageFolder = try outputFolder()
        let folder = messageFolder ?? (output.map { ($0 as NSString).deletingLastPathComponent })
        let ending = htmlOnly ? "html" : "eml"
        var failed = false
        for file in files {
            do {
                let document = try content.load(file)
                let root: String? = content.contentRoot ?? ContentOptions.defaultRoot(for: file)
                let settingsFile = mailSettings ?? ((root ?? (file as NSString).deletingLastPathComponent) as NSString).appendingPathComponent("mail.toml")
                let mailer = NewsletterMailer(renderer: renderer, settings: try MailSettings.load(file: settingsFile))
                let messages = try mailer.messages(for: document, languages: languages, date: Self.messageDate(), strict: strict, contentRoot: root)
                let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                if messages.count > 1, output != nil, messageFolder == nil {
                    throw CommandFailure(message: "\(output ?? ""): \(messages.count) messages (one per language) would go into one file: "
                        + "give a folder, -o \(((output ?? "out") as NSString).deletingLastPathComponent.isEmpty ? "out" : (output! as NSString).deletingLastPathComponent)/, or one --lang")
                }
                for message in messages {
                    printDiagnostics(message.warnings)
                    let text = htmlOnly ? message.html : message.eml
                    let target = messageFolder.map { ($0 as NSString).appendingPathComponent("\(name).\(message.language).\(ending)") } ?? output
                    if let target { try AtomicFile.write(text, to: target) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
                }
                try copyAssets(messages.flatMap { $0.assets }, into: folder, base: mailer.settings.imageBase)
            } catch where files.count > 1 {
                try? reportingFailures { throw error }
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// The images the messages refer to, copied for upload to the image base URL.
    private func copyAssets(_ assets: [(file: String, name: String)], into folder: String?, base: String) throws {
        guard !assets.isEmpty, let folder else { return }
        let target = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("assets")
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        var copied: Set<String> = []
        for asset in assets where copied.insert(asset.name).inserted {
            guard let data = FileManager.default.contents(atPath: asset.file) else { continue }
            try AtomicFile.write(data, to: (target as NSString).appendingPathComponent(asset.name))
        }
        FileHandle.standardError.write(Data("passerelle: \(copied.count) image(s) copied to \(target)/: publish them at \(base)\n".utf8))
    }

    /// The messages' Date: SOURCE_DATE_EPOCH when set (the same input gives the same bytes), else now.
    private static func messageDate() -> Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) { return Date(timeIntervalSince1970: epoch) }
        return Date()
    }

    /// The folder to write into: -o when it is a folder (or several sources are
    /// rendered, then it is created), nil when -o names a file or is absent.
    private func outputFolder() throws -> String? {
        guard let output else { return nil }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue { return output }
        guard files.count > 1 || output.hasSuffix("/") else { return nil }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(message: "\(output): cannot create the output folder (\((error as NSError).localizedFailureReason ?? "permission denied"))")
        }
        return output
    }
}

extension RenderOptions.Layout: ExpressibleByArgument {}

/// What `render --format` writes: a document format, or a newsletter's e-mail.
enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case html, md, txt, docx, odt, pdf, eml
    case emailHTML = "email-html"

    var isMail: Bool { self == .eml || self == .emailHTML }
    /// A file that is not text (office documents, PDF).
    var isBinary: Bool { office != nil || self == .pdf }
    /// The document format (nil for the others).
    var document: RenderOptions.Format? { RenderOptions.Format(rawValue: rawValue) }
    /// The office format (nil for the others).
    var office: RenderOptions.OfficeFile? { RenderOptions.OfficeFile(rawValue: rawValue) }
    var fileExtension: String { isMail ? (self == .eml ? "eml" : "html") : document?.fileExtension ?? rawValue }

    /// The format a file name's ending names (.html, .md, .txt, .docx, .odt, .pdf ...).
    init?(fileName: String) {
        if let document = RenderOptions.Format(fileName: fileName) {
            self.init(rawValue: document.rawValue)
        } else {
            let ending = (fileName as NSString).pathExtension.lowercased()
            guard ["docx", "odt", "pdf"].contains(ending) else { return nil }
            self.init(rawValue: ending)
        }
    }
}

extension RenderOptions.TermNotes: ExpressibleByArgument {}
