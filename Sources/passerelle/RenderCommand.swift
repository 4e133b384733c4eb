import ArgumentParser
import Content
import Foundation
import Rendering
import Terminology
import XMLSupport

/// `passerelle render FILE`: a charter or newsletter in HTML, Markdown or text.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a content source (charter, newsletter) in several languages: HTML, Markdown or text.",
        discussion: """
        A missing translation shows the source language's text, marked, with a warning (an error with --strict); \
        an outdated one is shown, marked. Term references are checked against the termbase. The output is written \
        atomically; without -o it goes to standard output.
        """
    )

    @Argument(help: "The content source (XML).")
    var file: String

    @Option(name: .long, help: "Languages to show, comma-separated, in column order (default: the document's).")
    var lang: String?

    @Option(name: .long, help: "parallel (side by side), stacked (one after the other) or single (one language).")
    var layout: RenderOptions.Layout = .parallel

    @Option(name: .long, help: "html, md or txt.")
    var format: RenderOptions.Format = .html

    @Option(name: .long, help: "A theme folder (a copy of templates/default).")
    var theme: String?

    @Option(name: .long, help: "A glossary file or folder; repeatable. Default: glossaries/")
    var glossary: [String] = []

    @Flag(name: .long, help: "Add a glossary of the concepts the document uses.")
    var glossaryAppendix = false

    @Flag(name: .long, help: "Missing or outdated translations are errors.")
    var strict = false

    @Option(name: [.short, .long], help: "The output file (default: standard output).")
    var output: String?

    @OptionGroup var content: ContentOptions

    func run() throws {
        try reportingFailures {
            let document = try content.load(file)
            let termbase = try GlossaryLoader().load(paths: glossary.isEmpty ? ["glossaries"] : glossary)
            let renderer = DocumentRenderer(theme: try Theme.load(folder: try theme ?? Theme.defaultFolder()), termbase: termbase)
            let languages = lang.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let options = RenderOptions(languages: languages, layout: layout, format: format, strict: strict,
                                        glossaryAppendix: glossaryAppendix)
            let result = try renderer.render(document, options: options, contentRoot: content.contentRoot)
            printDiagnostics(result.warnings)
            if let output {
                try AtomicFile.write(result.output, to: output)
            } else {
                FileHandle.standardOutput.write(Data(result.output.utf8))
            }
        }
    }
}

extension RenderOptions.Layout: ExpressibleByArgument {}
extension RenderOptions.Format: ExpressibleByArgument {}
