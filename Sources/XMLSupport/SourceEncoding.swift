import CLibXML2

/// The character encoding of an XML file, found the way libxml2 finds it (byte order
/// mark, then the XML declaration, else UTF-8), with libxml2's own converters to UTF-8
/// and back: the text Passerelle edits is the text libxml2 parsed.
///
/// ```swift
/// let encoding = SourceEncoding.detect(bytes)          // e.g. windows-1252, no BOM
/// let utf8 = try encoding.decode(bytes)                // the text, without the BOM
/// let back = try encoding.encode(utf8)                 // BOM + the original bytes
/// ```
public struct SourceEncoding: Equatable, Sendable, CustomStringConvertible {
    /// The encoding's name as libxml2 knows it ("UTF-8", "UTF-16LE", "windows-1252").
    public let name: String
    /// The byte order mark the file starts with (empty when it has none).
    public let byteOrderMark: [UInt8]

    public var description: String { byteOrderMark.isEmpty ? name : "\(name) with a byte order mark" }

    /// What cannot be converted.
    public enum Failure: Error, Equatable, Sendable {
        /// libxml2 has no converter for this encoding.
        case unknownEncoding(String)
        /// Bytes that are not text in this encoding (or characters it cannot hold).
        case notConvertible(String)
    }

    /// The encoding of a file that starts with `bytes` (256 bytes are enough).
    public static func detect(_ bytes: some Collection<UInt8>) -> SourceEncoding {
        let head = Array(bytes.prefix(256))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return SourceEncoding(name: "UTF-8", byteOrderMark: [0xEF, 0xBB, 0xBF]) }
        if head.starts(with: [0xFF, 0xFE]) { return SourceEncoding(name: "UTF-16LE", byteOrderMark: [0xFF, 0xFE]) }
        if head.starts(with: [0xFE, 0xFF]) { return SourceEncoding(name: "UTF-16BE", byteOrderMark: [0xFE, 0xFF]) }
        if head.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return SourceEncoding(name: "UTF-16LE", byteOrderMark: []) }
        if head.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return SourceEncoding(name: "UTF-16BE", byteOrderMark: []) }
        if let declared = declaredEncoding(head), !declared.lowercased().hasPrefix("utf-16"), declared.lowercased() != "utf-8" {
            return SourceEncoding(name: declared, byteOrderMark: [])
        }
        return SourceEncoding(name: "UTF-8", byteOrderMark: [])
    }

    /// The `encoding="..."` of an XML declaration at the start of `head`.
    static func declaredEncoding(_ head: [UInt8]) -> String? {
        guard head.starts(with: Array("<?xml".utf8)), let close = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        // The declaration's attributes, wherever they are in it (line breaks, long runs of spaces).
        let declaration = String(decoding: head[..<close], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    private var isUTF8: Bool { name == "UTF-8" }

    /// The text of a whole file (byte order mark included) as UTF-8, without the mark.
    public func decode(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        let body = Array(bytes.dropFirst(bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0))
        if isUTF8 { return body }
        return try convert(body, toUTF8: true)
    }

    /// The file's bytes for UTF-8 `text`: the byte order mark, then the text in this encoding.
    public func encode(_ text: [UInt8]) throws(Failure) -> [UInt8] {
        byteOrderMark + (isUTF8 ? text : try convert(text, toUTF8: false))
    }

    /// Runs libxml2's converter over `bytes`, in as many rounds as the output needs.
    private func convert(_ bytes: [UInt8], toUTF8: Bool) throws(Failure) -> [UInt8] {
        LibXML.prepare()
        guard let handler = xmlFindCharEncodingHandler(name) else { throw .unknownEncoding(name) }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreate(), let output = xmlBufferCreate() else { throw .notConvertible("out of memory") }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        // xmlBufferAdd takes an Int32 length: add in chunks.
        var offset = 0
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 30)
            bytes.withUnsafeBufferPointer { buffer in _ = xmlBufferAdd(input, buffer.baseAddress! + offset, Int32(count)) }
            offset += count
        }
        while xmlBufferLength(input) > 0 {
            let before = xmlBufferLength(input)
            let result = toUTF8 ? xmlCharEncInFunc(handler, output, input) : xmlCharEncOutFunc(handler, output, input)
            if result == -2 || xmlBufferLength(input) == before {
                throw .notConvertible(toUTF8 ? "bytes that are not \(name) text" : "characters that \(name) cannot hold")
            }
        }
        guard let content = xmlBufferContent(output) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
    }
}
