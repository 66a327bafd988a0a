/// A named value shown in the results index: a hyperparameter, a final metric or an
/// evaluation metric (which may carry a standard error).
public struct IndexedValue: Equatable, Sendable {
    public var name: String
    /// The value exactly as the CSV file or folder name has it.
    public var value: String
    /// The standard error from eval.csv, when there is one.
    public var standardError: String?

    public init(name: String, value: String, standardError: String? = nil) {
        self.name = name
        self.value = value
        self.standardError = standardError
    }
}
