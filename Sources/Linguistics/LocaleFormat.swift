import CICUBridge
import Foundation

/// Dates and numbers written the way a locale writes them, by ICU.
///
/// ```swift
/// let date = LocaleFormat.calendarDate(year: 2020, month: 12, day: 3)!
/// try LocaleFormat(locale: "fr").date(date)  // "3 décembre 2020"
/// try LocaleFormat(locale: "de").date(date)  // "3. Dezember 2020"
/// try LocaleFormat(locale: "fr").number(1234.5, fractionDigits: 0...2) // "1 234,5" (U+202F)
/// ```
public struct LocaleFormat: Sendable {
    /// ICU's date and time styles.
    public enum Style: Sendable {
        case full, long, medium, short, none

        var bridgeValue: Int32 {
            switch self {
            case .full: Int32(PC_STYLE_FULL)
            case .long: Int32(PC_STYLE_LONG)
            case .medium: Int32(PC_STYLE_MEDIUM)
            case .short: Int32(PC_STYLE_SHORT)
            case .none: Int32(PC_STYLE_NONE)
            }
        }
    }

    /// The locale used.
    public let locale: ICULocale
    /// The time zone dates are shown in (an Olson id). Calendar dates without a
    /// time are made at midnight UTC, hence the default.
    public let timeZone: String

    public init(locale: String, timeZone: String = "UTC") throws {
        self.locale = try ICULocale(locale)
        self.timeZone = timeZone
    }

    /// A date in a style (long: "3 décembre 2020"), optionally with a time.
    public func date(_ date: Date, style: Style = .long, timeStyle: Style = .none) throws -> String {
        let zone = Array(timeZone.utf16)
        return try ICUCall.string("udat_format", capacity: 64) { out, capacity, status in
            pc_format_date(locale.identifier, style.bridgeValue, timeStyle.bridgeValue, zone, Int32(zone.count),
                           date.timeIntervalSince1970 * 1000, out, capacity, &status)
        }
    }

    /// A date from an ICU skeleton: ICU chooses the locale's order and punctuation
    /// ("EEEEdMMMMy" -> "jeudi 3 décembre 2020", "Donnerstag, 3. Dezember 2020"; "Hm" -> "14:30").
    public func date(_ date: Date, skeleton: String) throws -> String {
        let zone = Array(timeZone.utf16)
        let skeletonUnits = Array(skeleton.utf16)
        return try ICUCall.string("udat_format", capacity: 64) { out, capacity, status in
            pc_format_date_skeleton(locale.identifier, skeletonUnits, Int32(skeletonUnits.count), zone,
                                    Int32(zone.count), date.timeIntervalSince1970 * 1000, out, capacity, &status)
        }
    }

    /// A number with the locale's separators ("1 234,5" in French, "1.234,5" in German).
    public func number(_ value: Double, fractionDigits: ClosedRange<Int> = 0...3) throws -> String {
        try ICUCall.string("unum_formatDouble", capacity: 32) { out, capacity, status in
            pc_format_number(locale.identifier, value, Int32(fractionDigits.lowerBound),
                             Int32(fractionDigits.upperBound), out, capacity, &status)
        }
    }

    /// Midnight UTC of a calendar day, or nil when the day does not exist.
    public static func calendarDate(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
