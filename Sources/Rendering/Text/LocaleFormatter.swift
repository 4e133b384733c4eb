import Content
import Foundation
import Linguistics

/// Dates, times and numbers of a document written the way each language writes them,
/// by ICU ("20 juin 2019", "20. Juni 2019", "June 20, 2019"; "1 234,5", "1.234,5").
/// Falls back to the source's own spelling if ICU cannot format.
final class LocaleFormatter {
    private var formats: [String: LocaleFormat] = [:]

    private func format(_ language: String) -> LocaleFormat? {
        if let format = formats[language] { return format }
        let format = try? LocaleFormat(locale: language)
        formats[language] = format
        return format
    }

    func date(_ date: ContentDate, language: String, style: Inline.DateStyleName = .long) -> String {
        let icuStyle: LocaleFormat.Style = switch style {
        case .full: .full
        case .long: .long
        case .medium: .medium
        case .short: .short
        }
        guard let day = LocaleFormat.calendarDate(year: date.year, month: date.month, day: date.day ?? 1) else { return date.description }
        // A whole month: "juin 2019", "Juni 2019", "June 2019".
        let text = date.day == nil ? try? format(language)?.date(day, skeleton: "yMMMM") : try? format(language)?.date(day, style: icuStyle)
        guard var text else { return date.description }
        // French writes the first of the month as an ordinal: "1er avril 2019".
        if date.day == 1, LanguageTag.primary(language) == "fr", let one = text.range(of: #"(^|\s)1(?=[\s\u00A0])"#, options: .regularExpression) {
            text.replaceSubrange(one, with: text[one].hasPrefix("1") ? "1er" : text[one].prefix(1) + "1er")
        }
        return text
    }

    /// A `HH:MM` time in the language's clock ("14:30", "2:30 PM"); French writes
    /// "14 h 30" and "14 h" (no-break spaces).
    func time(_ time: String, language: String) -> String {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        if LanguageTag.primary(language) == "fr", parts.count == 2 {
            return "\(parts[0])\u{00A0}h" + (parts[1] == 0 ? "" : "\u{00A0}" + (parts[1] < 10 ? "0" : "") + "\(parts[1])")
        }
        guard parts.count == 2, let moment = LocaleFormat.calendarDate(year: 2000, month: 1, day: 1, hour: parts[0], minute: parts[1]),
              let text = try? format(language)?.date(moment, skeleton: "jmm") else { return time }
        return text
    }

    /// A decimal number written `1234.5` in the source.
    func number(_ value: String, language: String) -> String {
        let decimals = value.split(separator: ".").dropFirst().first?.count ?? 0
        guard let number = Double(value), let text = try? format(language)?.number(number, fractionDigits: decimals...decimals) else {
            return value
        }
        return text
    }
}
