/// One number an evaluation reports, with its standard error when it is a mean
/// over test points, so that tables can print `value ± standardError` the way
/// papers do and readers can tell a difference from noise.
public struct Metric: Equatable, Sendable, Codable, CustomStringConvertible {
    /// What was measured, e.g. `"parzen_log_likelihood"` or `"knn_accuracy"`.
    public let name: String
    /// The measured value.
    public let value: Double
    /// The standard error of `value`, when it is an estimate over samples.
    public let standardError: Double?

    public init(name: String, value: Double, standardError: Double? = nil) {
        self.name = name
        self.value = value
        self.standardError = standardError
    }

    public var description: String {
        if let standardError { return "\(name) = \(value) ± \(standardError)" }
        return "\(name) = \(value)"
    }
}
