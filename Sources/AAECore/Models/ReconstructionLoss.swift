/// How a reconstruction is compared with its input.
public enum ReconstructionLoss: String, Sendable, CaseIterable {
    /// Mean squared error over pixels (Keras' `mse`).
    case mse
    /// Binary cross-entropy over pixels, for outputs in [0, 1] (Keras' `binary_crossentropy`).
    case bce

    /// The loss of `reconstruction` against `target`.
    public func loss(_ reconstruction: Variable, target: Variable, reduction: LossReduction = .mean) -> Variable {
        switch self {
        case .mse: return reconstruction.meanSquaredError(target, reduction: reduction)
        case .bce: return reconstruction.binaryCrossEntropy(target, reduction: reduction)
        }
    }
}
