import Base
import Foundation

extension RelaxNGSchema {
    private static let cache = SchemaCache()

    /// One of Passerelle's own schemas (`glossary.rng`, `content.rng` ...), found with
    /// ``ProjectResources`` and compiled once per process; documents it found valid are
    /// not validated again while unchanged (``ValidationCache``).
    public static func bundled(named name: String) throws(XMLSupportError) -> RelaxNGSchema {
        try cache.schema(named: name)
    }
}

private final class SchemaCache: @unchecked Sendable {
    private var schemas: [String: RelaxNGSchema] = [:]
    private let lock = NSLock()

    func schema(named name: String) throws(XMLSupportError) -> RelaxNGSchema {
        lock.lock()
        defer { lock.unlock() }
        if let schema = schemas[name] { return schema }
        let path: String
        do {
            path = try ProjectResources.locate(name, in: .schemas)
        } catch {
            throw .file(error)
        }
        // Passerelle's own schemas remember the documents they found valid (the bundled
        // termbase is validated once, not on every run).
        let schema = try RelaxNGSchema(file: path, remembersValidDocuments: true)
        schemas[name] = schema
        return schema
    }
}
