import Base
import Content
import Foundation
import Linguistics
import XMLSupport

/// Reads the translation units of a bilingual file: XLIFF 1.2, XLIFF 2.x, TMX 1.4
/// (streamed, so large files are never held whole) or a content source.
///
/// Languages come from the file (`source-language`/`target-language`, `srcLang`/`trgLang`,
/// TMX `srclang` and `xml:lang`); `sourceLanguage` and `targetLanguage` override them.
public struct BilingualReader: Sendable {
    public var sourceLanguage: String?
    public var targetLanguage: String?
    /// XLIFF 2 files up to this size are parsed whole, validated, and read from the same
    /// tree; larger ones are validated while streamed (a unit at a time), then streamed again.
    var wholeValidationLimit = BilingualReader.validationLimit

    public init(sourceLanguage: String? = nil, targetLanguage: String? = nil) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// The units of `file`, in order, and the notices about them (a unit id used twice).
    public func units(in file: String) throws(ConsistencyError) -> (units: [BilingualUnit], notices: [Diagnostic]) {
        var units: [BilingualUnit] = []
        let notices = try forEachUnit(in: file) { units.append($0) }
        return (units, notices)
    }

    /// Streams the units of `file` to `body`, in order, without holding them all; returns
    /// the notices (warnings that do not stop the check, each at file:line:column).
    @discardableResult
    public func forEachUnit(in file: String, _ body: (BilingualUnit) throws -> Void) throws(ConsistencyError) -> [Diagnostic] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw .invalid([Diagnostic(file: file, line: 0, message: "no such file")])
        }
        guard !isFolder.boolValue else {
            throw .invalid([Diagnostic(file: file, line: 0, message: "is a folder; pass the files (passerelle check expands folders it is given on the command line)")])
        }
        guard let format = BilingualFormat.detect(file: file) else {
            throw .invalid([Diagnostic(file: file, line: 1, message: "not a bilingual file: expected XLIFF 1.2, XLIFF 2.0/2.1/2.2, TMX, gettext PO or Passerelle content XML")])
        }
        do {
            switch format {
            case .content:
                return try ContentUnitReader(file: file, sourceOverride: sourceLanguage, targetOverride: targetLanguage).read(body)
            case .po:
                return try POUnitReader(file: file, sourceOverride: sourceLanguage, targetOverride: targetLanguage).read(body)
            case .xliff12:
                return try XLIFF12UnitReader(file: file, sourceOverride: sourceLanguage, targetOverride: targetLanguage).read(body)
            case .tmx:
                return try TMXUnitReader(file: file, sourceOverride: sourceLanguage, targetOverride: targetLanguage).read(body)
            case .xliff2:
                let reader = XLIFF2UnitReader(file: file, sourceOverride: sourceLanguage, targetOverride: targetLanguage)
                guard Self.size(of: file) <= wholeValidationLimit else {
                    // Validated while streamed, one unit at a time, then streamed again to be read.
                    let problems = try XLIFF2Validator().validating(XMLStreamReader(file: file))
                    if !problems.isEmpty { throw ConsistencyError.invalid(problems) }
                    return try reader.read(body)
                }
                // Validated whole, then read from the same tree.
                let tree = try XMLTree.parse(file: file)
                let problems = XLIFF2Validator().validating(tree)
                if !problems.isEmpty { throw ConsistencyError.invalid(problems) }
                return try reader.read(from: XMLTreeEvents(tree: tree), body)
            }
        } catch let error as ConsistencyError {
            throw error

        } catch let error as XMLSupportError {
            throw .invalid(error.diagnostics)
        } catch let error as ContentError {
            throw .invalid(error.diagnostics)
        } catch {
            throw .invalid([Diagnostic(file: file, line: 0, message: "\(error)")])
        }
    }

    /// The size from which XLIFF 2 files are validated while streamed (``wholeValidationLimit``).
    static let validationLimit = 64 << 20

    static func size(of file: String) -> Int {
        FileSize.of(file)
    }
}
