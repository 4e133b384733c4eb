import Foundation

/// The bilingual formats `passerelle check` reads.
public enum BilingualFormat: String, CaseIterable, Sendable {
    case xliff12, xliff2, tmx, content, po

    /// Tells the format from the root element of a file (`xliff` with its version,
    /// `tmx`, or a content `document`) or, for gettext PO, its name or first keywords,
    /// reading only its first kilobytes.
    public static func detect(file: String) -> BilingualFormat? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 4096)
        let text: String
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            text = String(data: head.prefix(head.count & ~1), encoding: .utf16) ?? ""
        } else {
            text = String(decoding: head, as: UTF8.self)
        }
        if file.lowercased().hasSuffix(".po") || file.lowercased().hasSuffix(".pot")
            || (!text.contains("<") && (text.hasPrefix("msgid") || text.contains("\nmsgid "))) { return .po }
        if text.contains("<tmx") { return .tmx }
        if text.contains("urn:passerelle:content:1") { return .content }
        if text.contains("urn:oasis:names:tc:xliff:document:2") { return .xliff2 }
        // XLIFF 1.2 by its namespace (also with a prefix: <x:xliff>) or its root element.
        if text.contains("urn:oasis:names:tc:xliff:document:1") || text.contains("<xliff") || text.contains(":xliff ") { return .xliff12 }
        return nil
    }
}
