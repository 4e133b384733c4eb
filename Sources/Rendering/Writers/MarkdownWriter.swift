/// Markdown (CommonMark with pipe tables): cells on one line for tables, lines joined by
/// hard breaks, `-` bullets; the image itself is shown.
struct MarkdownWriter: TextualWriter {
    let markup: InlineMarkup = MarkdownMarkup()
    let bullet = "-"
    let lineSeparator = "\\\n"
    let alwaysShowsAlt = false
    /// Escaped underscores: a line of bare ones would be a rule or emphasis.
    let answerLine = String(repeating: "\\_", count: 32)
}
