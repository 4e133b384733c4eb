import Base
import Foundation

/// A numbered clause of a charter article.
public struct Clause: Equatable, Sendable {
    public var unit: TextUnit
    public var number: String?

    public init(unit: TextUnit, number: String?) {
        self.unit = unit
        self.number = number
    }
}
