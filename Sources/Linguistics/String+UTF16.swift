extension String {
    /// A string made from UTF-16 code units, transcoded to UTF-8 in one pass (the standard
    /// library's `String(decoding:as: UTF16.self)` decodes scalar by scalar, which showed
    /// in the matcher's profile). An unpaired surrogate becomes U+FFFD, as there.
    ///
    /// ```swift
    /// String(utf16Units: Array("Économie".utf16)[...]) == "Économie" // true
    /// ```
    package init(utf16Units units: ArraySlice<UInt16>) {
        self.init(unsafeUninitializedCapacity: units.count * 3) { buffer in
            var out = 0
            var index = units.startIndex
            while index < units.endIndex {
                let unit = UInt32(units[index])
                index += 1
                var scalar = unit
                if unit & 0xF800 == 0xD800 {
                    // A surrogate: a high one followed by a low one makes a scalar above U+FFFF.
                    if unit < 0xDC00, index < units.endIndex, units[index] & 0xFC00 == 0xDC00 {
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                        index += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                switch scalar {
                case 0..<0x80:
                    buffer[out] = UInt8(scalar)
                    out += 1
                case 0x80..<0x800:
                    buffer[out] = 0xC0 | UInt8(scalar >> 6)
                    buffer[out + 1] = 0x80 | UInt8(scalar & 0x3F)
                    out += 2
                case 0x800..<0x10000:
                    buffer[out] = 0xE0 | UInt8(scalar >> 12)
                    buffer[out + 1] = 0x80 | UInt8((scalar >> 6) & 0x3F)
                    buffer[out + 2] = 0x80 | UInt8(scalar & 0x3F)
                    out += 3
                default:
                    buffer[out] = 0xF0 | UInt8(scalar >> 18)
                    buffer[out + 1] = 0x80 | UInt8((scalar >> 12) & 0x3F)
                    buffer[out + 2] = 0x80 | UInt8((scalar >> 6) & 0x3F)
                    buffer[out + 3] = 0x80 | UInt8(scalar & 0x3F)
                    out += 4
                }
            }
            return out
        }
    }
}
