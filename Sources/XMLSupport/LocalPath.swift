import Foundation

/// Local file paths as the safety checks see them: absolute, standardized, with
/// symbolic links resolved, so that `..` and links cannot leave a folder.
public enum LocalPath {
    /// The absolute, resolved path of a plain path or `file:` URL; nil for any other
    /// scheme (http, ftp, data, php ...).
    public static func resolve(_ reference: String, relativeTo base: String? = nil) -> String? {
        var path = reference
        if let colon = path.firstIndex(of: ":"), path[..<colon].count > 1 {
            let scheme = path[..<colon].lowercased()
            guard scheme == "file", let url = URL(string: path), url.isFileURL else { return nil }
            path = url.path
        }
        path = path.removingPercentEncoding ?? path
        if !path.hasPrefix("/") {
            let folder = base.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
            path = (folder as NSString).appendingPathComponent(path)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// True when `path` is `root` or inside it (both resolved).
    public static func isInside(_ path: String, root: String) -> Bool {
        let resolvedRoot = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
        return path == resolvedRoot || path.hasPrefix(prefix)
    }
}
