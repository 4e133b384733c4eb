/// Lays plain-text cells out side by side in fixed-width columns, words wrapped.
enum TextColumns {
    /// The cells as one block of lines, `width` characters wide at most.
    static func layout(_ cells: [String], width: Int = 100, gutter: String = "  │  ") -> String {
        guard cells.count > 1 else { return cells.first ?? "" }
        let columnWidth = max(12, (width - gutter.count * (cells.count - 1)) / cells.count)
        let wrapped = cells.map { wrap($0, width: columnWidth) }
        let height = wrapped.map(\.count).max() ?? 0
        var lines: [String] = []
        for index in 0..<height {
            let parts = wrapped.map { column -> String in
                let line = index < column.count ? column[index] : ""
                return line + String(repeating: " ", count: max(0, columnWidth - line.count))
            }
            var line = parts.joined(separator: gutter)
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Greedy word wrap; a word longer than the width is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                if word.count > width {
                    // Cut in one pass over the characters (counting what is left at every cut
                    // made a 400 KB word take seconds).
                    if !line.isEmpty { lines.append(line); line = "" }
                    let characters = Array(word)
                    var start = 0
                    while characters.count - start > width {
                        lines.append(String(characters[start..<(start + width)]))
                        start += width
                    }
                    word = Substring(String(characters[start...]))
                }
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }
}
