/// A text as UTF-16 code units (what ICU's break iterators read), with the UTF-8 offset of
/// each unit, so that offsets found in the units point back into the String at no cost: a
/// `String.Index` made from a UTF-8 offset is immediate, one made from a UTF-16 offset
/// walks the text. Loaded again for each text; its buffers are reused.
///
/// ```swift
/// var text = UTF16Text()
/// text.load("Économie sociale")
/// let index = text.index(atUTF16Offset: 9, in: "Économie sociale") // before "sociale"
/// ```
package struct UTF16Text {
    /// The UTF-16 code units of the text loaded last.
    package private(set) var units: [UInt16] = []
    /// The UTF-8 offset of each code unit, and of the end.
    private var utf8Offsets: [Int32] = []

    package init() {}

    /// Replaces the content with `text`, transcoded in one pass.
    package mutating func load(_ text: String) {
        units.removeAll(keepingCapacity: true)
        utf8Offsets.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            // At most one code unit per byte: fill, then cut to what was written.
            units.append(contentsOf: repeatElement(0, count: bytes.count))
            utf8Offsets.append(contentsOf: repeatElement(0, count: bytes.count + 1))
            let written = units.withUnsafeMutableBufferPointer { units in
                utf8Offsets.withUnsafeMutableBufferPointer { offsets in Self.transcode(bytes, into: units, offsets: offsets) }
            }
            units.removeLast(bytes.count - written)
            utf8Offsets.removeLast(bytes.count - written)
        }
    }

    /// Writes the UTF-16 code units of valid UTF-8 `bytes` and the UTF-8 offset of each (and
    /// of the end); returns the number of code units.
    private static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into units: UnsafeMutableBufferPointer<UInt16>,
                                  offsets: UnsafeMutableBufferPointer<Int32>) -> Int {
        var offset = 0, count = 0
        while offset < bytes.count {
            let lead = UInt32(bytes[offset])
            offsets[count] = Int32(offset)
            // A String holds valid UTF-8: the sequence lengths can be trusted.
            switch lead {
            case 0..<0x80:
                units[count] = UInt16(lead)
                offset += 1
            case 0xC0..<0xE0:
                units[count] = UInt16((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F))
                offset += 2
            case 0xE0..<0xF0:
                units[count] = UInt16((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F))
                offset += 3
            default:
                let scalar = (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                    | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
                units[count] = UInt16(0xD800 + ((scalar - 0x10000) >> 10))
                count += 1
                offsets[count] = Int32(offset)
                units[count] = UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF))
                offset += 4
            }
            count += 1
        }
        offsets[count] = Int32(offset)
        return count
    }

    /// The index in `text` (the String loaded last) of the code unit at `offset`
    /// (`units.count` for the end).
    package func index(atUTF16Offset offset: Int, in text: String) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: Int(utf8Offsets[offset]))
    }
}
