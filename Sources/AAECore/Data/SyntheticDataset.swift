/// A labelled point cloud made from the project's seeded generator, for fast
/// tests and demos that need no files.
///
/// An example is one row of `featureCount` values, stored as a `LabeledImages`
/// with `rows` 1 and `cols` `featureCount`: the "images" are points, so image
/// figures (reconstructions, samples, manifold, style) do not apply to them.
/// Examples are labelled in turn (`SyntheticLabels`).
public protocol SyntheticDataset: Sendable {
    /// Values per example.
    var featureCount: Int { get }
    /// The number of labels, `0..<classCount`.
    var classCount: Int { get }
    /// The coordinates of one example of `label`, drawn from `random`.
    func point(label: Int, random: inout RandomGenerator) -> [Float]
}

extension SyntheticDataset {
    /// `count` examples, labelled in turn (`SyntheticLabels`).
    public func examples(count: Int, random: inout RandomGenerator) -> LabeledImages {
        var pixels: [Float] = []
        pixels.reserveCapacity(count * featureCount)
        var labels: [Int32] = []
        labels.reserveCapacity(count)
        for index in 0..<count {
            let label = SyntheticLabels.label(ofExample: index, classes: classCount)
            pixels += point(label: label, random: &random)
            labels.append(Int32(label))
        }
        var points = LabeledImages(count: count, rows: 1, cols: featureCount, pixels: pixels, labels: labels)
        points.classNames = .syntheticLabels
        return points
    }

    /// A training set of `trainCount` examples, then a held-out set of
    /// `testCount`, both drawn from `random` in that order.
    public func split(trainCount: Int, testCount: Int, random: inout RandomGenerator, name: String) -> DataSplit {
        let train = examples(count: trainCount, random: &random)
        let test = examples(count: testCount, random: &random)
        return DataSplit(train: train, test: test,
                         description: "\(name) (synthetic, \(featureCount)-D, \(classCount) labels): "
                            + "\(trainCount) train / \(testCount) test")
    }
}
