import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes outputs atomically: a temporary file in the same folder, then a rename, so
/// a failed run leaves the previous file as it was and readers never see half a file.
///
/// A symbolic link is followed (the file it points to is replaced, the link stays), an
/// existing file keeps its permissions and, where the system allows, its owner and group;
/// a file with several hard links is refused (a rename would split them: the other names
/// would keep the old text); a path that is not a regular file (a terminal,
/// `/dev/stdout`) is written directly.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws(FileError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`.
    public static func write(_ data: Data, to path: String) throws(FileError) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var status = stat()
        if stat(target, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            do {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } catch {
                throw .unwritable(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
            }
            return
        }
        try replaceRegularFile(target, shownAs: path, with: data)
    }

    /// Replaces the file at `path` by `data` only if it still holds `expected` (what
    /// was read before editing it): the file is locked while it is compared and
    /// replaced, so two runs editing it at once never lose each other's changes.
    /// Throws ``FileError/changedSinceRead(path:)`` when it changed meanwhile.
    public static func replace(_ path: String, expecting expected: [UInt8], with data: Data) throws(FileError) {
        try replaceAll([(path, expected, data)])
    }

    /// ``replace(_:expecting:with:)`` for several files at once, all or nothing: every file
    /// is locked and compared, every new content written beside it and synced, and only then
    /// are they renamed into place. A file that changed meanwhile, or a content that cannot be
    /// written, leaves all of them as they were (no temporary file left behind).
    public static func replaceAll(_ files: [(path: String, expected: [UInt8], data: Data)]) throws(FileError) {
        var locked: [Int32] = []
        defer {
            for descriptor in locked {
                flock(descriptor, LOCK_UN)
                close(descriptor)
            }
        }
        var targets: [String] = []
        for file in files {
            let target = URL(fileURLWithPath: file.path).resolvingSymlinksInPath().path
            // Lock the file itself; a run that waited for the lock finds the file renamed
            // over (another inode) and reads the new one.
            var attempts = 0
            while true {
                attempts += 1
                if attempts > 50 { throw .changedSinceRead(path: file.path) }
                let descriptor = open(target, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw .unwritable(path: file.path, reason: "cannot open it: \(String(cString: strerror(errno)))") }
                guard flock(descriptor, LOCK_EX) == 0 else {
                    close(descriptor)
                    throw .unwritable(path: file.path, reason: "cannot lock it: \(String(cString: strerror(errno)))")
                }
                var opened = stat(), current = stat()
                guard fstat(descriptor, &opened) == 0, stat(target, &current) == 0, opened.st_ino == current.st_ino, opened.st_dev == current.st_dev else {
                    flock(descriptor, LOCK_UN)
                    close(descriptor)
                    continue
                }
                locked.append(descriptor)
                guard let now = try? FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data(),
                      now.elementsEqual(file.expected) else {
                    throw .changedSinceRead(path: file.path)
                }
                break
            }
            targets.append(target)
        }
        var temporaries: [String] = []
        do throws(FileError) {
            for (index, file) in files.enumerated() {
                temporaries.append(try temporary(beside: targets[index], shownAs: file.path, with: file.data))
            }
        } catch {
            for temporary in temporaries { unlink(temporary) }
            throw error
        }
        for (index, temporary) in temporaries.enumerated() where rename(temporary, targets[index]) != 0 {
            let reason = String(cString: strerror(errno))
            for left in temporaries[index...] { unlink(left) }
            throw .unwritable(path: files[index].path, reason: reason)
        }
    }

    /// A temporary file beside `target`, with the permissions of the file it replaces, renamed over it.
    private static func replaceRegularFile(_ target: String, shownAs path: String, with data: Data) throws(FileError) {
        let temporary = try temporary(beside: target, shownAs: path, with: data)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError.unwritable(path: path, reason: reason)
        }
    }

    /// Linux's `O_TMPFILE`: the new content is written and synced in a file with no name, and
    /// only then given the temporary name, just before the rename; a run killed while writing
    /// leaves nothing behind. Nil where the file system does not support it (then a named
    /// temporary file is used).
    private static func unnamedTemporary(in folder: String, linkedAs name: String, data: Data, like existing: stat?) -> String? {
        #if os(Linux)
        let descriptor = open(folder, O_WRONLY | O_CLOEXEC | 0o20200000, existing.map { mode_t($0.st_mode & 0o7777) } ?? 0o644)  // O_TMPFILE
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else { return nil }
        if let existing {
            fchmod(descriptor, existing.st_mode & 0o7777)
            _ = fchown(descriptor, existing.st_uid, existing.st_gid) == 0 || fchown(descriptor, getuid(), existing.st_gid) == 0
        }
        guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else { return nil }
        return name
        #else
        return nil
        #endif
    }

    /// `data` in a new file beside `target`, synced, with the mode and (where permitted) the
    /// owner of the file it will replace; its path.
    private static func temporary(beside target: String, shownAs path: String, with data: Data) throws(FileError) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            throw .unwritable(path: path, reason: "the folder \(folder) does not exist: create it first (mkdir -p \(folder))")
        }
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists, existing.st_nlink > 1 {
            throw .unwritable(path: path, reason: "it has \(existing.st_nlink) hard links, which replacing it would split (the other names would keep "
                + "the old content); make it a file of its own first (cp FILE FILE.new && mv FILE.new FILE) or write elsewhere")
        }
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((target as NSString).lastPathComponent).passerelle-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if let named = unnamedTemporary(in: folder.isEmpty ? "." : folder, linkedAs: temporary, data: data, like: exists ? existing : nil) {
            return named
        }
        do {
            try data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
        } catch {
            unlink(temporary)
            throw .unwritable(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        // On disk before the rename: a crash then leaves the old file or the new one, never an empty one.
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        if exists {
            chmod(temporary, existing.st_mode & 0o7777)
            // Kept where permitted (root, or a group the user is in); otherwise the caller's.
            _ = chown(temporary, existing.st_uid, existing.st_gid) == 0 || chown(temporary, getuid(), existing.st_gid) == 0
        }
        return temporary
    }
}
