/// An ICU sort key: comparing two keys byte by byte gives the same order as
/// comparing their strings with the collator that made them.
///
/// Keys are cheap to compare and to hash, so compute them once per distinct
/// string and use them for sorting, deduplication and dictionary lookup.
///
/// ```swift
/// let collator = try Collator(locale: "fr", strength: .primary)
/// collator.sortKey("Économie") == collator.sortKey("economie") // true
/// ```
public struct CollationKey: Comparable, Hashable, Sendable {
    /// The key's bytes, without ICU's trailing 0.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public static func < (lhs: CollationKey, rhs: CollationKey) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// Hashes the bytes in one call (the derived hashing fed them one at a time, which
    /// showed when building large term dictionaries).
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
