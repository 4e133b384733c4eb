/// A calendar date written in a source as `YYYY-MM-DD`, or a month as `YYYY-MM`
/// (an event announced for "June 2019"); formatted per language when rendered.
public struct ContentDate: Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// Nil for a whole month.
    public var day: Int?

    public init(year: Int, month: Int, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM`; nil for anything else or a day that does not
    /// exist (2019-02-30).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        guard parts.count == 3 else {
            self.init(year: year, month: month, day: nil)
            return
        }
        guard parts[2].count == 2, let day = Int(parts[2]), day >= 1, day <= ContentDate.days(inMonth: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` for a month.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let month = "\(pad(year, 4))-\(pad(self.month, 2))"
        return day.map { "\(month)-\(pad($0, 2))" } ?? month
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
    }
}
