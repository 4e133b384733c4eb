import Base
import Foundation
import TOMLKit

/// Fonts, sizes and margins of office documents (DOCX, ODT) and of the printed PDF's
/// page, from the theme's `office.toml`, so that an editor changes them without
/// recompiling (as pandoc's reference document does):
///
/// ```toml
/// body_font = "Liberation Serif"
/// heading_font = "Liberation Sans"
/// font_size = 10.5      # points
/// margin = 20           # millimetres, every side
/// ```
struct OfficeSettings: Equatable {
    var bodyFont = "Liberation Serif"
    var headingFont = "Liberation Sans"
    var fontSize = 10.5
    var margin = 20.0

    static let keys = ["body_font", "heading_font", "font_size", "margin"]

    /// A4, in cm.
    static let pageWidth = 21.0, pageHeight = 29.7

    /// The width of the text between the margins, in cm.
    var textWidth: Double { Self.pageWidth - 2 * margin / 10 }

    /// The theme's settings: `office.toml` in `folder` if there is one, else the defaults.
    static func load(theme folder: String) throws(RenderingError) -> OfficeSettings {
        let path = (folder as NSString).appendingPathComponent("office.toml")
        guard let data = FileManager.default.contents(atPath: path) else { return OfficeSettings() }
        func problem(_ message: String, line: Int = 0, column: Int = 0) -> RenderingError {
            .invalid([Diagnostic(file: path, line: line, column: column, message: message)])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
        } catch let error as TOMLParseError {
            throw problem("not valid TOML: \(error.description)", line: error.source.begin.line, column: error.source.begin.column)
        } catch {
            throw problem("not valid TOML")
        }
        var settings = OfficeSettings()
        for key in table.keys where !keys.contains(key) {
            throw problem("unknown key '\(key)'; the keys are \(keys.joined(separator: ", "))")
        }
        func number(_ key: String, in range: ClosedRange<Double>) throws(RenderingError) -> Double? {
            guard let value = table[key] else { return nil }
            guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
                throw problem("'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        func font(_ key: String) throws(RenderingError) -> String? {
            guard let value = table[key] else { return nil }
            guard let name = value.string, !name.isEmpty, !name.contains(where: { $0 == "\"" || $0 == "<" || $0 == "&" || $0.isNewline }) else {
                throw problem("'\(key)' must be a font name, e.g. \"Liberation Serif\"")
            }
            return name
        }
        settings.bodyFont = try font("body_font") ?? settings.bodyFont
        settings.headingFont = try font("heading_font") ?? settings.headingFont
        settings.fontSize = try number("font_size", in: 6...24) ?? settings.fontSize
        settings.margin = try number("margin", in: 5...50) ?? settings.margin
        return settings
    }
}
