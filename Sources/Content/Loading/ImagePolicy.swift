import Foundation
import XMLSupport

/// Which images a figure may show: a PNG, JPEG, GIF, SVG or WebP file inside the
/// content folder, or an image on an https URL (linked, never fetched). A missing file
/// is found when the source is validated, not when it is rendered.
public enum ImagePolicy {
    /// The image types outputs can show, by file name ending.
    public static let mediaTypes: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "svg": "image/svg+xml", "webp": "image/webp",
    ]

    /// What is wrong with the figure's image, nil when nothing is. Files are looked
    /// for only when `contentRoot` is given.
    public static func problem(with figure: Figure, contentRoot: String?) -> String? {
        let source = figure.source
        if source.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || "<>\"\\`".unicodeScalars.contains($0) }) {
            return "image src '\(source.debugDescription.dropFirst().dropLast())' holds a character a path or URL cannot hold (a line break, <, >, \", \\ or `)"
        }
        if source.isEmpty { return "the figure's src is empty: write a path relative to this file (images/photo.jpg) or an https URL" }
        switch LinkPolicy.scheme(of: source) {
        case "https":
            guard let url = URL(string: source), url.host != nil else { return "image src '\(source)' is not a complete https URL" }
            if figure.width == nil || figure.height == nil {
                return "a remote image needs its size: add width=\"...\" height=\"...\" (CSS pixels) to the figure, since it is never downloaded"
            }
            return nil
        case "http":
            return "image src '\(source)' uses http: use its https address (mail clients and browsers block http images)"
        case let scheme?:
            return "image src '\(source)': \(scheme): images are refused; write a path relative to this file or an https URL"
        case nil:
            break
        }
        if source.hasPrefix("//") { return "image src '\(source)': write the full https URL" }
        guard let file = figure.localFile else { return nil }
        let ending = (file as NSString).pathExtension.lowercased()
        guard mediaTypes[ending] != nil else {
            return "image '\(source)' is not a PNG, JPEG, GIF, SVG or WebP file (by its name)"
        }
        guard let contentRoot else { return nil }
        let resolved = LocalPath.resolve(file) ?? file
        guard LocalPath.isInside(resolved, root: contentRoot) else {
            return "image '\(source)' is outside the content folder \(contentRoot): move it inside (e.g. into images/)"
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), !isFolder.boolValue else {
            return "image '\(source)': no such file (looked for \(file)); paths are relative to the file the figure is written in"
        }
        return nil
    }
}
