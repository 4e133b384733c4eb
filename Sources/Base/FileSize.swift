import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's size by `stat`, without the owner and group name lookups (`getpwuid`,
/// `getgrgid`) that FileManager's attributes make for every file.
public enum FileSize {
    /// The size in bytes of the file at `path` (links followed), 0 when it cannot be read.
    public static func of(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }
}
