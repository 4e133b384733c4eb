import Base
import Foundation
import XMLSupport

/// Region codes (ISO 3166-1 alpha-2) as terms carry them: FR, BE, LU, DE ...
public enum RegionCode {
    /// Country names TBX files use instead of codes.
    static let names: [String: String] = [
        "france": "FR", "belgium": "BE", "belgique": "BE", "belgien": "BE", "luxembourg": "LU", "luxemburg": "LU",
        "germany": "DE", "deutschland": "DE", "allemagne": "DE", "austria": "AT", "österreich": "AT", "autriche": "AT",
        "switzerland": "CH", "schweiz": "CH", "suisse": "CH", "canada": "CA", "united states": "US", "usa": "US",
        "united kingdom": "GB", "uk": "GB", "netherlands": "NL", "italy": "IT", "spain": "ES",
    ]

    /// The code in a TBX geographicalUsage value ("fr-BE", "en_US", "BE", "Canada"), or nil.
    /// ISO 3166-2 subdivisions are kept: "FR-57" and "fr-FR-57" give "FR-57" (Moselle).
    public static func parse(_ value: String) -> String? {
        let trimmed = value.trimmedWhitespace
        if let code = names[trimmed.lowercased()] { return code }
        var parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        // A leading language subtag ("fr" in "fr-BE") is not part of the region.
        if parts.count > 1, let first = parts.first, first.count <= 3, first.allSatisfy(\.isLowercase) { parts.removeFirst() }
        guard (1...2).contains(parts.count), parts[0].count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let country = parts[0].uppercased()
        guard parts.count == 2 else { return country }
        let subdivision = parts[1].uppercased()
        let isSubdivision = (1...3).contains(subdivision.count) && subdivision.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return isSubdivision ? "\(country)-\(subdivision)" : nil
    }

    /// True when a term used in `regions` (empty: everywhere) may be written in `region`
    /// (nil: a text whose region is not known, where any region's term may be): "FR" covers
    /// the subdivision "FR-57".
    public static func covers(_ regions: [String], _ region: String?) -> Bool {
        guard let region, !regions.isEmpty else { return true }
        return regions.contains { $0 == region || $0.hasPrefix(region + "-") }
    }
}
