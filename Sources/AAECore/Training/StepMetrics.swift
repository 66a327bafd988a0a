/// The values a model reports for each training step, each under a name fixed
/// when the model is built (`d_loss`, `recon_loss`, …); the order of
/// declaration is the order of metrics.csv's columns after `step`.
///
/// A model declares its metrics while it is built, each declaration giving the
/// slot the model writes at every step. The values live in one buffer reused
/// from step to step, so training allocates nothing for them; readers see
/// `(name, value)` pairs.
public final class StepMetrics: RandomAccessCollection {
    /// Where one declared metric's value lives.
    public struct Slot: Sendable {
        fileprivate let index: Int
    }

    /// The metric names a model declares while it is built, in order.
    public struct Declarations {
        fileprivate var names: [String] = []

        public init() {}

        /// Declares the metric `name` after those declared before it.
        public mutating func declare(_ name: String) -> Slot {
            precondition(!names.contains(name), "the step metric \(name) is declared twice")
            names.append(name)
            return Slot(index: names.count - 1)
        }
    }

    /// The names of the metrics, in declaration order.
    public let names: [String]
    private var values: [Float]

    /// The metrics of `declarations`, each 0 until a step writes it.
    public init(_ declarations: Declarations) {
        names = declarations.names
        values = [Float](repeating: 0, count: names.count)
    }

    /// The latest value of a declared metric.
    public subscript(slot: Slot) -> Float {
        get { values[slot.index] }
        set { values[slot.index] = newValue }
    }

    /// The latest value of the metric `name`; nil when the model reports none by that name.
    public subscript(name: String) -> Float? {
        names.firstIndex(of: name).map { values[$0] }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    public subscript(position: Int) -> (name: String, value: Float) {
        (names[position], values[position])
    }
}
