import Foundation

/// The files under a folder, for commands given a folder: the folder may be a symbolic
/// link (a `glossaries/` or `content/` linked from elsewhere), and so may its subfolders.
public enum FolderFiles {
    /// The regular files under `folder` (subfolders included) whose path relative to it
    /// `include` accepts, sorted, each written `folder/relative/path`. Empty when
    /// `folder` is not a folder.
    public static func list(_ folder: String, include: (String) -> Bool = { _ in true }) -> [String] {
        relativePaths(in: folder, include: include).map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The same files as paths relative to `folder`, sorted.
    public static func relativePaths(in folder: String, include: (String) -> Bool = { _ in true }) -> [String] {
        // The enumerator does not enter a folder given as a symbolic link: start from its target.
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(
            at: URL(fileURLWithPath: resolved), includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var found: [String] = []
        let prefix = resolved.hasSuffix("/") ? resolved : resolved + "/"
        while let url = enumerator.nextObject() as? URL {
            let path = url.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue, include(relative) else { continue }
            found.append(relative)
        }
        return found.sorted()
    }
}
