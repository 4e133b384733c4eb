import Dispatch
import Foundation
import Linguistics
import Terminology

/// The term dictionaries of a check, one per language, shared by the parallel checkers:
/// built together (one per core) as soon as a batch of units tells which languages are
/// needed, or on first use.
final class DictionaryCache: @unchecked Sendable {
    private let termbase: Termbase
    private let strength: CollationStrength
    private var built: [String: TermDictionary] = [:]
    private let lock = NSLock()

    init(termbase: Termbase, strength: CollationStrength) {
        self.termbase = termbase
        self.strength = strength
    }

    /// Builds the dictionaries of `languages` not built yet, in parallel. A language that
    /// fails is left for ``dictionary(for:)`` to report.
    func prepare(languages: Set<String>) {
        let missing = lock.withLock { Array(Set(languages.map(LanguageTag.primary)).filter { built[$0] == nil }) }
        guard !missing.isEmpty else { return }
        DispatchQueue.concurrentPerform(iterations: missing.count) { index in
            guard let dictionary = try? TermDictionary(termbase: termbase, language: missing[index], strength: strength) else { return }
            lock.withLock { built[missing[index]] = built[missing[index]] ?? dictionary }
        }
    }

    /// The dictionary of a primary language subtag, built now if needed.
    func dictionary(for language: String) throws -> TermDictionary {
        lock.lock()
        defer { lock.unlock() }
        if let dictionary = built[language] { return dictionary }
        let dictionary = try TermDictionary(termbase: termbase, language: language, strength: strength)
        built[language] = dictionary
        return dictionary
    }
}
