/// Identifies a row of a CSV table for alignment: its key cell and which occurrence it is.
///
/// Keys are normally unique (one row per step or run id), but a resumed run may log a step
/// twice; the n-th row with a key is then aligned with the n-th row with that key on the
/// other side instead of being silently dropped.
public struct RowKey: Hashable, Sendable, CustomStringConvertible {
    /// The contents of the key cell.
    public var value: String
    /// 1 for the first row with this value, 2 for the second, and so on.
    public var occurrence: Int

    public init(_ value: String, occurrence: Int = 1) {
        self.value = value
        self.occurrence = occurrence
    }

    public var description: String {
        occurrence == 1 ? value : "\(value) (#\(occurrence))"
    }
}
