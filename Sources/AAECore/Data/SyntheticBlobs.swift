/// Gaussian blobs, as scikit-learn's `make_blobs`: `classes` centres drawn
/// uniformly in [-10, 10]^`features`, and each example of label `k` is centre
/// `k` plus isotropic normal noise of standard deviation `std`.
public struct SyntheticBlobs: SyntheticDataset {
    /// The box the centres are drawn in, on every axis.
    public static let centerBox: ClosedRange<Float> = -10...10

    public let classCount: Int
    public let featureCount: Int
    public let std: Float
    /// `classCount × featureCount` values, centre after centre.
    public let centers: [Float]

    /// Draws the centres from `random`; the examples are drawn later, from the same generator.
    public init(classes: Int, features: Int, std: Float, random: inout RandomGenerator) {
        precondition(classes >= 1 && features >= 1, "blobs need at least one class and one feature")
        classCount = classes
        featureCount = features
        self.std = std
        centers = (0..<(classes * features)).map { _ in
            random.uniform(Self.centerBox.lowerBound, Self.centerBox.upperBound)
        }
    }

    public func point(label: Int, random: inout RandomGenerator) -> [Float] {
        (0..<featureCount).map { centers[label * featureCount + $0] + random.normal(std: std) }
    }
}
