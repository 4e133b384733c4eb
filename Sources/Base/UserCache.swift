import Foundation

/// Passerelle's folders in the user's cache: `$XDG_CACHE_HOME/passerelle/NAME`, or
/// `~/.cache/passerelle/NAME`. What is kept there can always be computed again.
public enum UserCache {
    /// The folder `name` (not created here); nil when there is no home folder.
    public static func folder(_ name: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { ($0 as NSString).appendingPathComponent(".cache") }
        return base.map { ($0 as NSString).appendingPathComponent("passerelle/\(name)") }
    }
}
