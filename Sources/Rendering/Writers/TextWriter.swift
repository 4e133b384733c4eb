/// Plain text: the languages laid out in columns side by side (`columns`), and a
/// figure said in words.
struct TextWriter: TextualWriter {
    let markup: InlineMarkup = TextMarkup()
    let bullet = "•"
    let lineSeparator = "\n"
    let alwaysShowsAlt = true
    let answerLine = String(repeating: "_", count: 28)

    func finish(_ row: inout [String: Any], cellTexts: [String]) {
        row["columns"] = TextColumns.layout(cellTexts)
    }
}
