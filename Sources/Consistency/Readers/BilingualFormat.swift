import Foundation
import XMLSupport

/// The bilingual formats `passerelle check` reads.
public enum BilingualFormat: String, CaseIterable, Sendable {
    case xliff12, xliff2, tmx, content, po

    /// The file name endings of bilingual files, for a folder given to `passerelle check`.
    public static let fileExtensions: Set<String> = ["xlf", "xliff", "sdlxliff", "mqxliff", "mxliff", "tmx", "po"]

    /// The bilingual files under `folder`, sorted: those with a bilingual ending, and XML
    /// files that are Passerelle content sources.
    public static func files(in folder: String) -> [String] {
        FolderFiles.list(folder) { item in
            let ending = (item as NSString).pathExtension.lowercased()
            return fileExtensions.contains(ending) || (ending == "xml" && detect(file: (folder as NSString).appendingPathComponent(item)) == .content)
        }
    }

    /// Tells the format from the root element of a file (`xliff` with its version,
    /// `tmx`, or a content `document`) or, for gettext PO, its name or first keywords,
    /// reading only its first 64 KB.
    public static func detect(file: String) -> BilingualFormat? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        // Enough for a long licence comment or DOCTYPE before the root.
        guard let head = try? handle.read(upToCount: 65536) else { return nil }
        let text: String
        // UTF-16 with or without a byte order mark, detected as the tree formats detect it.
        let encoding = SourceEncoding.detect(head)
        if encoding.name.hasPrefix("UTF-16") {
            let body = head.dropFirst(encoding.byteOrderMark.count)
            text = String(data: body.prefix(body.count & ~1), encoding: encoding.name == "UTF-16BE" ? .utf16BigEndian : .utf16LittleEndian) ?? ""
        } else {
            text = String(decoding: head, as: UTF8.self)
        }
        if file.lowercased().hasSuffix(".po") || file.lowercased().hasSuffix(".pot")
            || (!text.contains("<") && (text.hasPrefix("msgid") || text.contains("\nmsgid "))) { return .po }
        if text.contains("<tmx") { return .tmx }
        // A content source, not an item it includes (<news>, <event>): a <document> root.
        if text.contains("urn:passerelle:content:1") { return text.contains("<document") || text.contains(":document ") ? .content : nil }
        if text.contains("urn:oasis:names:tc:xliff:document:2") { return .xliff2 }
        // XLIFF 1.2 by its namespace (also with a prefix: <x:xliff>) or its root element.
        if text.contains("urn:oasis:names:tc:xliff:document:1") || text.contains("<xliff") || text.contains(":xliff ") { return .xliff12 }
        return nil
    }
}
