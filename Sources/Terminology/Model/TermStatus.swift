import Base
import Foundation
import XMLSupport

/// How a term may be used for its concept in its language.
///
/// Real-world files name these in many ways; ``init(tbxValue:)`` maps them:
/// TBX `preferredTerm-admn-sts`, TBX-Min `preferred`, `forbidden` and
/// `notRecommended` (deprecated), `obsolete` (superseded) ...
public enum TermStatus: String, CaseIterable, Sendable, Comparable {
    /// The term to use.
    case preferred
    /// Acceptable synonym.
    case admitted
    /// Must not be used (wrong or misleading); never accepted as a translation.
    case deprecated
    /// Replaced by another term (outdated); never accepted as a translation.
    case superseded

    /// True for statuses a translation may use.
    public var isAccepted: Bool { self == .preferred || self == .admitted }

    /// Maps the status values of TBX v2/v3 (DCA and DCT), TBX-Min and CAT tools.
    public init?(tbxValue raw: String) {
        let value = raw.trimmedWhitespace.lowercased()
        switch value {
        case "preferredterm-admn-sts", "preferred", "preferredterm", "standardizedterm-admn-sts",
             "standardizedterm", "legalterm-admn-sts", "regulatedterm-admn-sts", "recommended":
            self = .preferred
        case "admittedterm-admn-sts", "admitted", "admittedterm", "acceptable", "permitted":
            self = .admitted
        case "deprecatedterm-admn-sts", "deprecated", "deprecatedterm", "forbidden", "notrecommended",
             "not recommended", "rejected":
            self = .deprecated
        case "supersededterm-admn-sts", "superseded", "supersededterm", "obsolete", "outdated":
            self = .superseded
        default:
            return nil
        }
    }

    /// The TBX administrativeStatus value.
    public var tbxValue: String { rawValue + "Term-admn-sts" }

    private var rank: Int { TermStatus.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: TermStatus, rhs: TermStatus) -> Bool { lhs.rank < rhs.rank }
}
