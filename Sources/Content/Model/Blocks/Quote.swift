import Base
import Foundation

/// A quotation and who said it.
public struct Quote: Equatable, Sendable {
    public var unit: TextUnit
    public var attribution: TextUnit?

    public init(unit: TextUnit, attribution: TextUnit?) {
        self.unit = unit
        self.attribution = attribution
    }
}
