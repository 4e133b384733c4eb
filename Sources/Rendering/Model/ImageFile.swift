import Foundation
import XMLSupport

/// The pixel size of an image, read from its file header (PNG, GIF, JPEG, WebP) or its
/// root element (SVG: width and height, else the viewBox), never by decoding it.
enum ImageFile {
    struct Size: Equatable {
        var width: Int
        var height: Int
    }

    static func size(of data: Data, type: String) -> Size? {
        let bytes = [UInt8](data.prefix(type == "svg" ? data.count : 1 << 20))
        switch type {
        case "png": return png(bytes)
        case "gif": return gif(bytes)
        case "jpg", "jpeg": return jpeg(bytes)
        case "webp": return webp(bytes)
        case "svg": return svg(data)
        default: return nil
        }
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reduce(0) { $0 << 8 | Int(bytes[at + $1]) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reversed().reduce(0) { $0 << 8 | Int(bytes[at + $1]) }
    }

    private static func png(_ bytes: [UInt8]) -> Size? {
        guard bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        return Size(width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
    }

    private static func gif(_ bytes: [UInt8]) -> Size? {
        guard bytes.count >= 10, bytes.starts(with: Array("GIF".utf8)) else { return nil }
        return Size(width: littleEndian(bytes, 6, 2), height: littleEndian(bytes, 8, 2))
    }

    /// The first start-of-frame segment (SOF0-SOF15 but DHT, JPG and DAC).
    private static func jpeg(_ bytes: [UInt8]) -> Size? {
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return Size(width: bigEndian(bytes, index + 7, 2), height: bigEndian(bytes, index + 5, 2))
            }
            index += 2 + bigEndian(bytes, index + 2, 2)
        }
        return nil
    }

    private static func webp(_ bytes: [UInt8]) -> Size? {
        guard bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ": return Size(width: littleEndian(bytes, 26, 2) & 0x3FFF, height: littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L":
            let bits = littleEndian(bytes, 21, 4)
            return Size(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X": return Size(width: littleEndian(bytes, 24, 3) + 1, height: littleEndian(bytes, 27, 3) + 1)
        default: return nil
        }
    }

    /// width and height in px (or unitless), else the viewBox's.
    private static func svg(_ data: Data) -> Size? {
        guard let root = try? XMLTree.parse(data: data, sourceName: "image.svg").root else { return nil }
        func pixels(_ value: String?) -> Double? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value)
        }
        if let width = pixels(root.attribute("width")), let height = pixels(root.attribute("height")), width > 0, height > 0 {
            return Size(width: Int(width.rounded()), height: Int(height.rounded()))
        }
        let box = (root.attribute("viewBox") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard box.count == 4, box[2] > 0, box[3] > 0 else { return nil }
        return Size(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
    }
}
