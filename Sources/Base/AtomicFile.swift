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
        let writer = try Writer(path: path)
        try writer.write(data)
        try writer.commit()
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
                let writer = try Writer(target: targets[index], shownAs: file.path)
                try writer.write(file.data)
                temporaries.append(try writer.finish())
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

    /// An output written piece by piece (a long report) that replaces its file only when
    /// committed: until then the previous file stays as it was, and a writer dropped without
    /// a commit (an error, an interrupted run) leaves nothing behind.
    ///
    /// The new content goes to a file with no name (Linux's `O_TMPFILE`), synced, given a
    /// temporary name beside the target and renamed over it; elsewhere, to a named temporary
    /// file. It gets the mode and, where permitted, the owner of the file it replaces. A path
    /// that is not a regular file (a terminal, `/dev/stdout`) is written directly.
    ///
    /// ```swift
    /// let writer = try AtomicFile.Writer(path: "report.json")
    /// for part in parts { try writer.write(part) }
    /// try writer.commit()
    /// ```
    public final class Writer {
        private let path: String
        private let target: String
        private var descriptor: Int32
        /// The temporary's name: given at ``finish()`` to an unnamed file, at once otherwise.
        private var temporary: String
        private var named: Bool
        private let existing: stat?
        /// True when the target is not a regular file: written in place.
        private let direct: Bool
        private var finished = false

        /// A writer for `path` (a symbolic link is followed: the file it points to is replaced).
        public convenience init(path: String) throws(FileError) {
            try self.init(target: URL(fileURLWithPath: path).resolvingSymlinksInPath().path, shownAs: path)
        }

        init(target: String, shownAs path: String) throws(FileError) {
            self.path = path
            self.target = target
            var status = stat()
            let exists = stat(target, &status) == 0
            existing = exists ? status : nil
            direct = exists && status.st_mode & S_IFMT != S_IFREG
            if direct {
                descriptor = open(target, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
                temporary = target
                named = true
                return
            }
            let folder = (target as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
                throw .unwritable(path: path, reason: "the folder \(folder) does not exist: create it first (mkdir -p \(folder))")
            }
            if exists, status.st_nlink > 1 {
                throw .unwritable(path: path, reason: "it has \(status.st_nlink) hard links, which replacing it would split (the other names would keep "
                    + "the old content); make it a file of its own first (cp FILE FILE.new && mv FILE.new FILE) or write elsewhere")
            }
            let place = folder.isEmpty ? "." : folder
            temporary = place + "/.\((target as NSString).lastPathComponent).passerelle-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let mode = mode_t(exists ? status.st_mode & 0o7777 : 0o644)
            #if os(Linux)
            descriptor = open(place, O_WRONLY | O_CLOEXEC | 0o20200000, mode)  // O_TMPFILE
            #else
            descriptor = -1
            #endif
            named = descriptor < 0
            if named {
                descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
                guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
            }
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
            if !finished && named && !direct { unlink(temporary) }
        }

        /// Appends `data`.
        public func write(_ data: Data) throws(FileError) {
            let written = data.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if count <= 0 { return false }
                    offset += count
                }
                return true
            }
            if !written { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        }

        /// Appends `text` as UTF-8.
        public func write(_ text: String) throws(FileError) {
            try write(Data(text.utf8))
        }

        /// Syncs the content, gives it the mode and owner of the file it replaces and its
        /// temporary name beside the target; returns that name (to rename, or unlink).
        func finish() throws(FileError) -> String {
            defer {
                close(descriptor)
                descriptor = -1
            }
            guard fsync(descriptor) == 0 || direct else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
            if let existing, !direct {
                fchmod(descriptor, existing.st_mode & 0o7777)
                // Kept where permitted (root, or a group the user is in); otherwise the caller's.
                _ = fchown(descriptor, existing.st_uid, existing.st_gid) == 0 || fchown(descriptor, getuid(), existing.st_gid) == 0
            }
            if !named {
                guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                    throw .unwritable(path: path, reason: String(cString: strerror(errno)))
                }
                named = true
            }
            finished = true
            return temporary
        }

        /// Puts the new content in place of the file.
        public func commit() throws(FileError) {
            let name = try finish()
            guard !direct else { return }
            guard rename(name, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(name)
                throw .unwritable(path: path, reason: reason)
            }
        }
    }
}
