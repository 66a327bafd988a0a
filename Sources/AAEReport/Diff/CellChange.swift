/// One cell whose value differs between the two tables beyond the tolerance.
public struct CellChange: Equatable, Sendable {
    /// The row, by its key.
    public var key: RowKey
    /// The column name.
    public var column: String
    /// The cell in table A, as written.
    public var valueA: String
    /// The cell in table B, as written.
    public var valueB: String

    public init(key: RowKey, column: String, valueA: String, valueB: String) {
        self.key = key
        self.column = column
        self.valueA = valueA
        self.valueB = valueB
    }

    /// `(b − a) / |a|` when both cells are finite numbers and `a` is not zero, else nil.
    public var relativeChange: Double? {
        guard let a = Double(valueA), let b = Double(valueB), a.isFinite, b.isFinite, a != 0 else { return nil }
        return (b - a) / abs(a)
    }
}
