import Foundation

/// Dates as RFC 5322 headers write them: "Wed, 02 Dec 2026 09:30:00 +0000" (English
/// names, whatever the system's locale; in UTC, so that the same date gives the same bytes).
public enum MailDate {
    public static func header(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
