import AAECore
import Foundation

/// Loads the examples an experiment's `data` section describes: a data set of
/// files aae-run finds (MNIST, Fashion-MNIST), an `idx` pair of files or a
/// synthetic set generated from the seed, then the label subset, then the first
/// fraction or count of each set.
public enum ExperimentData {
    /// The training and held-out examples of `spec`; `dataDirectory` is where MNIST and Fashion-MNIST are looked for.
    public static func load(_ spec: DataSpec, seed: UInt64, dataDirectory: String?) throws -> DataSplit {
        var split = try source(spec, seed: seed, dataDirectory: dataDirectory)
        if let labels = spec.labels {
            let kept = Set(labels)
            split = DataSplit(train: split.train.filtered(labels: kept), test: split.test.filtered(labels: kept),
                              description: split.description + ", labels \(labels.map(String.init).joined(separator: ", "))")
        }
        let trainCount = DataSpec.kept(of: split.train.count, fraction: spec.trainFraction, size: spec.trainSize)
        if trainCount < split.train.count {
            split = DataSplit(train: split.train.slice(0..<trainCount), test: split.test,
                              description: split.description + ", first \(trainCount) training examples")
        }
        let testCount = DataSpec.kept(of: split.test.count, fraction: spec.testFraction, size: spec.testSize)
        if testCount < split.test.count {
            split = DataSplit(train: split.train, test: split.test.slice(0..<testCount),
                              description: split.description + ", first \(testCount) held-out examples")
        }
        guard split.train.count > 0, split.test.count > 0 else {
            throw RunError("data: no \(split.train.count == 0 ? "training" : "held-out") examples are left (\(split.description))")
        }
        return split
    }

    /// Every example of the dataset, before selection.
    private static func source(_ spec: DataSpec, seed: UInt64, dataDirectory: String?) throws -> DataSplit {
        if let synthetic = spec.synthetic {
            var random = RandomGenerator(seed: seed, stream: RandomStreams.syntheticData)
            let dataset = synthetic.make(spec.parameters, &random)
            return dataset.split(trainCount: Int(spec.parameters["count"]!), testCount: Int(spec.parameters["test_count"]!),
                                 random: &random, name: spec.dataset)
        }
        if let files = spec.files {
            var train = try MNIST.loadPair(images: URL(fileURLWithPath: files.trainImages),
                                           labels: URL(fileURLWithPath: files.trainLabels), scale: spec.scale)
            var test = try MNIST.loadPair(images: URL(fileURLWithPath: files.testImages),
                                          labels: URL(fileURLWithPath: files.testLabels), scale: spec.scale)
            train.classNames = .idx(path: files.trainImages)
            test.classNames = .idx(path: files.testImages)
            guard train.rows == test.rows, train.cols == test.cols else {
                throw DataError.invalidDataset(path: files.testImages, problem: "held-out images are \(test.rows)×\(test.cols) "
                                               + "but training images are \(train.rows)×\(train.cols)")
            }
            return DataSplit(train: train, test: test,
                             description: "idx \(train.rows)×\(train.cols): \(train.count) train / \(test.count) test")
        }
        guard let dataset = spec.fileDataset else {
            throw RunError("data: `\(spec.dataset)` is not a dataset (\(DataSpec.datasets.joined(separator: ", ")))")
        }
        return try dataset.load(directory: DataDirectory.resolve(explicit: dataDirectory), scale: spec.scale)
    }
}
