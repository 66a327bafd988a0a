/// One-hot vectors of a uniformly drawn class out of `dimension` classes: the
/// categorical prior `Cat(y)` that the paper's semi-supervised and clustering
/// AAEs (Makhzani et al., 2015, Sections 5 and 6) impose on their label codes.
///
/// Each coordinate is 1 with probability `1/k` and 0 otherwise, so its
/// marginal CDF is the step function of a `Bernoulli(1/k)` variable.
public struct CategoricalPrior: LabelConditionedPrior {
    public let dimension: Int

    /// The number of classes, one per code dimension.
    public var componentCount: Int { dimension }

    public init(classes: Int) {
        precondition(classes > 0, "a categorical prior needs at least one class")
        dimension = classes
    }

    public func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        destination.update(repeating: 0, count: rows * dimension)
        for row in 0..<rows {
            destination[row * dimension + random.nextInt(below: dimension)] = 1
        }
    }

    public func sample(rows: Int, labels: UnsafePointer<Int32>, into destination: UnsafeMutablePointer<Float>,
                       random: inout RandomGenerator) {
        destination.update(repeating: 0, count: rows * dimension)
        for row in 0..<rows {
            let label = Int(labels[row])
            guard (0..<dimension).contains(label) else { fatalError("label \(label) names no class") }
            destination[row * dimension + label] = 1
        }
    }

    public func marginalCDF(_ x: Double, dimension index: Int) -> Double? {
        if x < 0 { return 0 }
        if x < 1 { return 1 - 1 / Double(dimension) }
        return 1
    }
}
