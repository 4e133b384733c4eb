import Foundation

/// What one output format decides when a ``RenderedDocument`` is written: its inline
/// markup, how it refers to images, and the composites its templates cannot build
/// themselves. ``MustacheAdapter`` asks its writer and does the rest the same way for
/// every format. A new format is a new writer.
protocol FormatWriter {
    /// Emphasis, links, term notes and escaping in this format.
    var markup: InlineMarkup { get }
    /// The marker of an item of an unordered list.
    var bullet: String { get }
    /// True when long words get soft hyphens (screen and print HTML).
    var hyphenates: Bool { get }
    /// True when the theme's stylesheet goes into the output.
    var embedsStylesheet: Bool { get }
    /// How the output refers to an image. `output` is the file written, else the document.
    func source(of image: RenderedImage, output: String) -> String
    /// Adds to a row's values what the format's templates need and cannot compose.
    func addComposites(to row: inout [String: Any])
}

extension FormatWriter {
    var hyphenates: Bool { false }
    var embedsStylesheet: Bool { false }
    func addComposites(to row: inout [String: Any]) {}
}

/// The writer of each format.
enum FormatWriters {
    static func writer(for format: RenderOptions.Format) -> FormatWriter {
        switch format {
        case .html: HTMLWriter()
        case .md: MarkdownWriter()
        case .txt: TextWriter()
        }
    }
}
