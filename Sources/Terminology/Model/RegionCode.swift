import Foundation

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
    public static func parse(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if let code = names[trimmed.lowercased()] { return code }
        let last = trimmed.split(whereSeparator: { $0 == "-" || $0 == "_" }).last.map(String.init) ?? trimmed
        let isCode = last.count == 2 && last.allSatisfy { $0.isASCII && $0.isLetter }
        return isCode ? last.uppercased() : nil
    }
}
