import CICUBridge

/// Locale-aware string comparison by ICU collation.
///
/// ```swift
/// let phonebook = try Collator(locale: "de-u-co-phonebk")
/// phonebook.compare("Ärger", "Aerger")     // .greater: Ä counts as AE, then the accent decides
/// let french = try Collator(locale: "fr", strength: .primary)
/// french.areEqual("Économie", "economie")  // true
/// ```
///
/// A collator is read-only once made and may be shared between tasks.
public final class Collator: @unchecked Sendable {
    /// The options ICU applies on top of the locale's rules.
    public struct Options: Sendable, Equatable {
        /// Treat spaces and punctuation as ignorable below quaternary strength;
        /// `nil` keeps the locale's default.
        public var alternateShifted: Bool?
        /// Which case sorts first; `nil` keeps the locale's default.
        public var caseFirst: CaseFirst?
        /// Compare runs of digits by numeric value ("2" < "10"); `nil` keeps the default.
        public var numeric: Bool?
        /// Normalize input (canonical equivalence) before comparing; `nil` keeps the default.
        public var normalization: Bool?
        /// Compare accents from the end of the string (traditional French order);
        /// `nil` keeps the locale's default.
        public var backwardsSecondary: Bool?

        public init(
            alternateShifted: Bool? = nil, caseFirst: CaseFirst? = nil, numeric: Bool? = nil,
            normalization: Bool? = nil, backwardsSecondary: Bool? = nil
        ) {
            self.alternateShifted = alternateShifted
            self.caseFirst = caseFirst
            self.numeric = numeric
            self.normalization = normalization
            self.backwardsSecondary = backwardsSecondary
        }
    }

    /// The result of a comparison.
    public enum Order: Int, Sendable {
        case less = -1, equal = 0, greater = 1
    }

    /// The locale this collator was asked for.
    public let locale: ICULocale
    /// The strength it compares at (asked for, or the locale's: tertiary unless
    /// the locale says otherwise, e.g. `de-u-ks-level1`).
    public let strength: CollationStrength
    /// Its options.
    public let options: Options
    private let handle: OpaquePointer

    /// Opens a collator for a BCP 47 tag or ICU locale id.
    ///
    /// - Throws: ``LinguisticsError/unknownLocale(_:reason:)`` for a language ICU does
    ///   not know, ``LinguisticsError/unknownCollationType(locale:type:available:)`` for
    ///   a `-u-co-` type the locale does not have (ICU would silently ignore it).
    public convenience init(
        locale tag: String, strength: CollationStrength? = nil, options: Options = Options()
    ) throws {
        try self.init(locale: try ICULocale(tag), strength: strength, options: options)
    }

    /// Opens a collator for an already checked locale.
    public init(locale: ICULocale, strength: CollationStrength? = nil, options: Options = Options()) throws {
        if let type = locale.keyword("collation"), type != "standard",
           pc_collation_type_is_available(locale.identifier, type) == 0 {
            throw LinguisticsError.unknownCollationType(
                locale: locale.tag, type: type, available: Collator.collationTypes(of: locale))
        }
        var status: Int32 = 0
        guard let handle = pc_collator_open(locale.identifier, &status) else {
            throw LinguisticsError.icuFailure(operation: "ucol_open", code: ICUCall.errorName(status))
        }
        self.handle = handle
        self.locale = locale
        self.options = options
        do {
            if let strength { try Collator.set(handle, PC_ATTR_STRENGTH, strength.bridgeValue) }
            if let normalization = options.normalization { try Collator.set(handle, PC_ATTR_NORMALIZATION, normalization ? 1 : 0) }
            if let shifted = options.alternateShifted { try Collator.set(handle, PC_ATTR_ALTERNATE_SHIFTED, shifted ? 1 : 0) }
            if let numeric = options.numeric { try Collator.set(handle, PC_ATTR_NUMERIC, numeric ? 1 : 0) }
            if let caseFirst = options.caseFirst { try Collator.set(handle, PC_ATTR_CASE_FIRST, caseFirst == .lower ? 1 : 2) }
            if let backwards = options.backwardsSecondary { try Collator.set(handle, PC_ATTR_BACKWARDS_SECONDARY, backwards ? 1 : 0) }
        } catch {
            pc_collator_close(handle)
            throw error
        }
        let actual = pc_collator_get_attribute(handle, Int32(PC_ATTR_STRENGTH), &status)
        self.strength = CollationStrength.allCases.first { $0.bridgeValue == actual } ?? .tertiary
    }

    deinit { pc_collator_close(handle) }

    private static func set(_ handle: OpaquePointer, _ attribute: Int, _ value: Int32) throws {
        var status: Int32 = 0
        pc_collator_set_attribute(handle, Int32(attribute), value, &status)
        try ICUCall.check(status, "ucol_setAttribute")
    }

    /// Lends the ICU handle to code of this module (for searching).
    func withHandle<R>(_ body: (OpaquePointer) -> R) -> R { body(handle) }

    /// A collator with the same locale and options at another strength.
    public func withStrength(_ strength: CollationStrength) throws -> Collator {
        try Collator(locale: locale, strength: strength, options: options)
    }

    /// The locale whose rules ICU actually uses ("root" for fr, de and en).
    public var actualLocale: String {
        (try? ICUCall.cString("ucol_getLocaleByType") { pc_collator_actual_locale(handle, $0, $1, &$2) }) ?? ""
    }

    /// Compares two strings.
    public func compare(_ a: String, _ b: String) -> Order {
        var a = a, b = b
        let result = a.withUTF8 { x in
            b.withUTF8 { y in
                var status: Int32 = 0
                return pc_collator_compare_utf8(
                    handle, UnsafeRawPointer(x.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(x.count),
                    UnsafeRawPointer(y.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(y.count), &status)
            }
        }
        return Order(rawValue: Int(result)) ?? .equal
    }

    /// Compares two UTF-16 sequences, which may hold lone surrogates (as ICU's
    /// conformance files do).
    package func compare(utf16 a: [UInt16], _ b: [UInt16]) -> Order {
        let result = pc_collator_compare(handle, a, Int32(a.count), b, Int32(b.count))
        return Order(rawValue: Int(result)) ?? .equal
    }

    /// True when `a` and `b` are equal at this collator's strength.
    public func areEqual(_ a: String, _ b: String) -> Bool { compare(a, b) == .equal }

    /// The sort key of a string.
    public func sortKey(_ text: String) -> CollationKey {
        let utf16 = Array(text.utf16)
        var capacity = max(32, utf16.count * 4 + 8)
        while true {
            var needed: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                needed = pc_collator_sort_key(handle, utf16, Int32(utf16.count), buffer.baseAddress, Int32(capacity))
                count = Int(needed) <= capacity ? max(0, Int(needed) - 1) : 0
            }
            if Int(needed) <= capacity { return CollationKey(bytes: bytes) }
            capacity = Int(needed)
        }
    }

    /// The longest text a sort key is made of: ICU takes lengths as 32-bit integers, and a
    /// key may be three times the text.
    package static let maxSortKeyInput = 256 << 20

    /// Appends the sort key of UTF-8 bytes (with ICU's trailing 0) to `buffer`,
    /// without making a String. Used to sort millions of lines.
    ///
    /// - Throws: ``LinguisticsError/invalidText(_:)`` when the bytes are not UTF-8.
    package func appendSortKey(utf8 text: UnsafeRawBufferPointer, to buffer: inout [UInt8]) throws {
        guard text.count <= Self.maxSortKeyInput else { throw LinguisticsError.invalidText("longer than \(Self.maxSortKeyInput) bytes") }
        let start = buffer.count
        var capacity = max(64, text.count * 3 + 16)
        while true {
            if buffer.capacity < start + capacity {
                // Grow geometrically: reserving exact sizes would copy the buffer every time.
                buffer.reserveCapacity(max(buffer.capacity * 2, start + capacity))
            }
            var status: Int32 = 0
            var needed: Int32 = 0
            buffer.append(contentsOf: repeatElement(0, count: capacity))
            buffer.withUnsafeMutableBufferPointer { out in
                needed = pc_collator_sort_key_utf8(
                    handle, text.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(text.count),
                    out.baseAddress! + start, Int32(capacity), &status)
            }
            if status > 0 {
                buffer.removeSubrange(start...)
                throw LinguisticsError.invalidText("not valid UTF-8")
            }
            if Int(needed) <= capacity {
                buffer.removeSubrange((start + Int(needed))...)
                return
            }
            buffer.removeSubrange(start...)
            capacity = Int(needed)
        }
    }

    /// Sorts strings by this collator, computing each sort key once.
    public func sorted<S: Sequence>(_ strings: S) -> [String] where S.Element == String {
        strings.map { (sortKey($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The collation types ICU offers for a locale ("standard", "phonebook", "search" ...).
    public static func collationTypes(of locale: ICULocale) -> [String] {
        ["standard", "phonebook", "search", "eor", "emoji", "traditional", "dictionary", "pinyin",
         "stroke", "zhuyin", "unihan", "big5han", "gb2312han", "compat", "searchjl"]
            .filter { pc_collation_type_is_available(locale.identifier, $0) == 1 }
    }
}
