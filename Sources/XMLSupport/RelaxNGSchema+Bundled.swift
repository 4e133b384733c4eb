import Base
import Foundation

extension RelaxNGSchema {
    private static let cache = SchemaCache()

    /// One of Passerelle's own schemas (`glossary.rng`, `content.rng` ...), found with
    /// ``ProjectResources`` and compiled once per process.
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
        let schema = try RelaxNGSchema(file: path)
        schemas[name] = schema
        return schema
    }
}
