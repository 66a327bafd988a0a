/// One swept key set to one value in one run of a sweep.
public struct SweepAssignment: Sendable, Equatable {
    /// The dotted key path, e.g. `optimizer.lr`.
    public var keyPath: String
    public var value: SweepSpec.Value

    public init(keyPath: String, value: SweepSpec.Value) {
        self.keyPath = keyPath
        self.value = value
    }

    /// The `--set` this assignment amounts to.
    public var override: Override {
        Override(keyPath: keyPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init),
                 value: value.yaml)
    }
}
