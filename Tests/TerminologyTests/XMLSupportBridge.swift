import Base
import XMLSupport

/// Validation with a schema read in place from the shared corpora.
enum XMLSupportBridge {
    static func schema(_ path: String) throws -> RelaxNGSchema { try RelaxNGSchema(file: path) }

    static func problems(of path: String, schema: RelaxNGSchema) throws -> [Diagnostic] {
        schema.diagnostics(for: try XMLTree.parse(file: path))
    }
}
