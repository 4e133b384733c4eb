import Foundation

/// What Markdown and plain text share: a local image is referred to by its path from
/// the output's folder, and each cell is also composed into one piece of text (`text`;
/// `tableCell` on one line for Markdown tables; a heading's `underline`), as their
/// templates cannot compose markers, attributions, captions and details themselves.
protocol TextualWriter: FormatWriter {
    /// Between the lines of one cell.
    var lineSeparator: String { get }
    /// True when a figure always says what it shows in words (text shows no image).
    var alwaysShowsAlt: Bool { get }
    /// A line to write an answer or a signature on.
    var answerLine: String { get }
    /// Adds what the format needs beyond the shared composites.
    func finish(_ row: inout [String: Any], cellTexts: [String])
}

extension TextualWriter {
    func finish(_ row: inout [String: Any], cellTexts: [String]) {}

    func source(of image: RenderedImage, output: String) -> String {
        switch image.source {
        case let .remote(url): url
        case let .local(path, _, _): Self.relativePath(path, from: output)
        }
    }

    func addComposites(to row: inout [String: Any]) {
        let isHeading = row["isHeading"] as? Bool == true
        let cells = (row["cells"] as? [[String: Any]] ?? []).enumerated().map { index, cell -> [String: Any] in
            var cell = cell
            let text = composite(cell, row: row)
            cell["text"] = text
            let oneLine = Self.oneLine(text)
            cell["tableCell"] = isHeading ? "**\(oneLine)**" : oneLine
            if index == 0, let image = (row["images"] as? [[String: Any]])?.first, let src = image["src"] as? String {
                // A table cell holds the image once, in the first column.
                let alt = markup.escape(image["alt"] as? String ?? "")
                cell["tableCell"] = "![\(alt)](\(src))" + (oneLine.isEmpty ? "" : "<br>" + oneLine)
            }
            if isHeading {
                let level = row["headingLevel"] as? Int ?? 2
                cell["underline"] = String(repeating: level <= 2 ? "=" : "-", count: max(3, text.count))
            }
            return cell
        }
        row["cells"] = cells
        finish(&row, cellTexts: cells.map { $0["text"] as? String ?? "" })
    }

    private func composite(_ cell: [String: Any], row: [String: Any]) -> String {
        func string(_ key: String) -> String? { (cell[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        let separator = lineSeparator
        var text = string("content") ?? ""
        if let marker = string("marker") ?? (row["marker"] as? String) {
            text = row["isHeading"] as? Bool == true ? "\(marker) – \(text)" : "\(marker) \(text)"
        }
        if row["isQuote"] as? Bool == true {
            if let attribution = string("attribution") { text += separator + "— " + attribution }
        }
        if row["isFigure"] as? Bool == true {
            // Markdown shows the image itself (the row's `images`, with the first language's
            // alt); text, and the other languages, say what it shows.
            let showsAlt = alwaysShowsAlt || row["hasImage"] as? Bool != true || string("otherAlt") != nil
            let pieces = [showsAlt ? "[\(markup.escape(string("plain") ?? ""))]" : nil, string("caption"), string("credit")].compactMap { $0 }
            text = pieces.joined(separator: separator)
        }
        if row["isDetails"] as? Bool == true {
            var lines: [String] = []
            func label(_ key: String) -> String {
                markup.escape(Typographer.labelled(string(key) ?? "", language: string("column") ?? "en"))
            }
            if let when = string("when") { lines.append(label("whenLabel") + markup.escape(when)) }
            if let place = string("place") { lines.append(label("placeLabel") + place) }
            if let deadline = string("deadline") { lines.append(label("deadlineLabel") + markup.escape(deadline)) }
            if let link = string("link") { lines.append(markup.link(href: link, markup.escape(string("linkLabel") ?? link))) }
            text = lines.joined(separator: separator)
        }
        if row["isQuestion"] as? Bool == true {
            let line = answerLine
            let boxed = row["isBoxAnswer"] as? Bool == true
            if let lines = row["answerLines"] as? [Any] { text += String(repeating: separator + (boxed ? "| " : "") + line, count: lines.count) }
            if row["isYesNoAnswer"] as? Bool == true {
                text += separator + "☐ " + markup.escape(string("yesLabel") ?? "") + "   ☐ " + markup.escape(string("noLabel") ?? "")
            }
        }
        if row["isSignature"] as? Bool == true {
            var lines = string("content").map { [markup.strong($0)] } ?? []
            for line in cell["signatureLines"] as? [[String: Any]] ?? [] {
                let label = markup.escape(Typographer.labelled(line["label"] as? String ?? "", language: string("column") ?? "en"))
                let value = (line["value"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? answerLine
                lines.append(label + value)
            }
            text = lines.joined(separator: separator)
        }
        if let notice = string("notice") { text = "[\(markup.escape(notice))] " + text }
        return text
    }

    /// The cell on one line for a table: each hard break (`\` and a line feed) and each
    /// line feed becomes `<br>`.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\\", pending == "\n" {
                pending = scalars.next()
                result.append(contentsOf: "<br>".unicodeScalars)
            } else if scalar == "\n" {
                result.append(contentsOf: "<br>".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `file` relative to the folder of `output`, with the characters a Markdown link
    /// target cannot hold percent-encoded.
    static func relativePath(_ file: String, from output: String) -> String {
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let target = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let common = zip(folder, target).prefix { $0 == $1 }.count
        let relative = Array(repeating: "..", count: folder.count - common) + target.dropFirst(common)
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "()")
        return relative.joined(separator: "/").addingPercentEncoding(withAllowedCharacters: allowed) ?? relative.joined(separator: "/")
    }
}
