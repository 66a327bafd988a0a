import Foundation

/// A linear classifier, multinomial logistic (softmax) regression, for the
/// "linear probe" accuracy of codes: how much class information a code holds in
/// linearly decodable form.
///
/// Features are standardised with the training codes' mean and standard
/// deviation (dimensions that do not vary are centred only). The weights start
/// at zero and minimise the mean cross-entropy plus `½·l2·‖W‖²` (the bias is not
/// penalised) by the project's `Adam`, full-batch by default; the problem is convex and the
/// standardised features make a few hundred steps enough whatever the codes' scale.
/// With minibatches, `random` shuffles the rows each epoch; training is
/// deterministic given the generator's state.
public struct SoftmaxRegression: Sendable {
    /// How the classifier is trained.
    public struct Configuration: Equatable, Sendable {
        /// The number of Adam steps.
        public var iterations: Int
        /// Adam's step size.
        public var learningRate: Double
        /// The weight of the `½·‖W‖²` penalty.
        public var l2: Double
        /// Rows per step; `nil` uses every row at every step.
        public var batchSize: Int?

        public init(iterations: Int = 300, learningRate: Double = 0.05, l2: Double = 1e-4, batchSize: Int? = nil) {
            precondition(iterations >= 0, "iterations must not be negative")
            precondition(learningRate > 0, "learningRate must be positive")
            precondition(l2 >= 0, "l2 must not be negative")
            if let batchSize { precondition(batchSize > 0, "batchSize must be positive") }
            self.iterations = iterations
            self.learningRate = learningRate
            self.l2 = l2
            self.batchSize = batchSize
        }
    }

    /// The number of code dimensions.
    public let dimension: Int
    /// The number of classes; labels are `0..<classCount`.
    public let classCount: Int
    /// The training codes' mean of each dimension, subtracted before classifying.
    public let mean: [Float]
    /// The reciprocal of the training codes' standard deviation of each dimension (`1` where it is zero).
    public let inverseStandardDeviation: [Float]
    /// The weights on standardised features, `dimension × classCount`, row-major.
    public let weights: [Float]
    /// The bias of each class.
    public let bias: [Float]
    /// The training objective (mean cross-entropy plus penalty) at the trained weights.
    public let finalLoss: Double

    /// Trains on `codes` (`count × dimension`, row-major) with `labels` in
    /// `0..<classCount` (by default one more than the largest label).
    public init<Label: BinaryInteger>(
        codes: [Float], labels: [Label], dimension: Int, classCount: Int? = nil,
        configuration: Configuration = Configuration(), random: inout RandomGenerator
    ) {
        precondition(dimension > 0 && codes.count % dimension == 0, "codes are not rows of \(dimension) values")
        let count = codes.count / dimension
        precondition(count > 0 && labels.count == count, "one label per code row needed")
        let targets = labels.map { Int($0) }
        let classes = classCount ?? (targets.max()! + 1)
        precondition(targets.allSatisfy { (0..<classes).contains($0) }, "labels outside 0..<\(classes)")

        var mean = [Float](repeating: 0, count: dimension)
        var inverseStd = [Float](repeating: 1, count: dimension)
        for column in 0..<dimension {
            var sum = 0.0
            for row in 0..<count { sum += Double(codes[row * dimension + column]) }
            let average = sum / Double(count)
            var squares = 0.0
            for row in 0..<count {
                let deviation = Double(codes[row * dimension + column]) - average
                squares += deviation * deviation
            }
            let std = (squares / Double(count)).squareRoot()
            mean[column] = Float(average)
            inverseStd[column] = std > 0 ? Float(1 / std) : 1
        }
        let features = Self.standardise(codes, mean: mean, inverseStd: inverseStd, dimension: dimension)

        var trainer = Trainer(features: features, targets: targets, dimension: dimension, classCount: classes,
                              configuration: configuration)
        trainer.train(random: &random)

        self.dimension = dimension
        self.classCount = classes
        self.mean = mean
        self.inverseStandardDeviation = inverseStd
        self.weights = trainer.weights.value.scalars
        self.bias = trainer.bias.value.scalars
        self.finalLoss = trainer.loss
    }

    /// The class scores of each row of `codes`, `count × classCount`, row-major.
    public func logits(codes: [Float]) -> [Float] {
        precondition(codes.count % dimension == 0, "codes are not rows of \(dimension) values")
        let count = codes.count / dimension
        let features = Self.standardise(codes, mean: mean, inverseStd: inverseStandardDeviation, dimension: dimension)
        var scores = [Float](repeating: 0, count: count * classCount)
        Self.scores(features: features, rows: count, weights: weights, bias: bias,
                    dimension: dimension, classCount: classCount, into: &scores)
        return scores
    }

    /// The most likely class of each row of `codes` (the lowest class on ties).
    public func predict(codes: [Float]) -> [Int] {
        let scores = logits(codes: codes)
        return (0..<(scores.count / classCount)).map { row in
            var best = 0
            for c in 1..<classCount where scores[row * classCount + c] > scores[row * classCount + best] { best = c }
            return best
        }
    }

    /// The fraction of rows of `codes` whose predicted class is their label.
    public func accuracy<Label: BinaryInteger>(codes: [Float], labels: [Label]) -> Double {
        precondition(labels.count == codes.count / dimension && !labels.isEmpty, "one label per code row needed")
        let predicted = predict(codes: codes)
        let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == Int($1.1) ? 1 : 0) }
        return Double(correct) / Double(labels.count)
    }

    /// Trains on the training codes and returns the accuracy on the test codes.
    public static func accuracy<Label: BinaryInteger>(
        trainCodes: [Float], trainLabels: [Label], testCodes: [Float], testLabels: [Label], dimension: Int,
        configuration: Configuration = Configuration(), random: inout RandomGenerator
    ) -> Double {
        let classes = Int(Swift.max(trainLabels.max() ?? 0, testLabels.max() ?? 0)) + 1
        let model = SoftmaxRegression(codes: trainCodes, labels: trainLabels, dimension: dimension,
                                      classCount: classes, configuration: configuration, random: &random)
        return model.accuracy(codes: testCodes, labels: testLabels)
    }

    private static func standardise(_ codes: [Float], mean: [Float], inverseStd: [Float], dimension: Int) -> [Float] {
        var features = codes
        for index in features.indices {
            let column = index % dimension
            features[index] = (features[index] - mean[column]) * inverseStd[column]
        }
        return features
    }

    /// `scores = features · weights + bias` for `rows` rows.
    fileprivate static func scores(features: UnsafePointer<Float>, rows: Int, weights: UnsafePointer<Float>,
                                   bias: UnsafePointer<Float>, dimension: Int, classCount: Int,
                                   into scores: UnsafeMutablePointer<Float>) {
        guard rows > 0 else { return }
        BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: classCount, k: dimension,
                  a: features, b: weights, c: scores)
        for row in 0..<rows {
            for c in 0..<classCount { scores[row * classCount + c] += bias[c] }
        }
    }

    private static func scores(features: [Float], rows: Int, weights: [Float], bias: [Float],
                               dimension: Int, classCount: Int, into result: inout [Float]) {
        features.withUnsafeBufferPointer { f in
            weights.withUnsafeBufferPointer { w in
                bias.withUnsafeBufferPointer { b in
                    result.withUnsafeMutableBufferPointer { out in
                        scores(features: f.baseAddress!, rows: rows, weights: w.baseAddress!, bias: b.baseAddress!,
                               dimension: dimension, classCount: classCount, into: out.baseAddress!)
                    }
                }
            }
        }
    }
}

/// The loop that fits a `SoftmaxRegression`: the project's `Adam` (ε 1e-8) on the
/// weights and biases, from gradients computed here.
private struct Trainer {
    let features: [Float]
    let targets: [Int]
    let dimension: Int
    let classCount: Int
    let configuration: SoftmaxRegression.Configuration
    /// `dimension × classCount`, row-major.
    let weights: Parameter
    let bias: Parameter
    /// The objective at the trained weights, set by `train`.
    var loss = 0.0

    init(features: [Float], targets: [Int], dimension: Int, classCount: Int,
         configuration: SoftmaxRegression.Configuration) {
        self.features = features
        self.targets = targets
        self.dimension = dimension
        self.classCount = classCount
        self.configuration = configuration
        weights = Parameter(name: "weights", value: Tensor(shape: [dimension, classCount]))
        bias = Parameter(name: "bias", value: Tensor(shape: [classCount]))
    }

    mutating func train(random: inout RandomGenerator) {
        let count = targets.count
        let batch = Swift.min(configuration.batchSize ?? count, count)
        let fullBatch = batch == count
        var order = Array(0..<count)
        var position = count
        var batchFeatures = [Float](repeating: 0, count: fullBatch ? 0 : batch * dimension)
        var batchTargets = fullBatch ? targets : [Int](repeating: 0, count: batch)
        var scores = [Float](repeating: 0, count: batch * classCount)
        let adam = Adam(parameters: [weights, bias], learningRate: Float(configuration.learningRate), epsilon: 1e-8)

        for _ in 0..<configuration.iterations {
            if !fullBatch {
                for slot in 0..<batch {
                    if position == count {
                        random.shuffle(&order)
                        position = 0
                    }
                    let row = order[position]
                    position += 1
                    batchTargets[slot] = targets[row]
                    for j in 0..<dimension { batchFeatures[slot * dimension + j] = features[row * dimension + j] }
                }
            }
            _ = gradients(features: fullBatch ? features : batchFeatures, targets: batchTargets, scores: &scores)
            adam.step()
        }
        var allScores = [Float](repeating: 0, count: count * classCount)
        loss = gradients(features: features, targets: targets, scores: &allScores)
    }

    /// The objective on `targets.count` rows, computed at the current weights, with
    /// its gradients written into the weights' and biases' `gradient`.
    private func gradients(features: [Float], targets: [Int], scores: inout [Float]) -> Double {
        let rows = targets.count
        let classes = classCount, dimension = dimension
        let w = weights.value.data, b = bias.value.data
        let weightGradient = weights.gradient.data, biasGradient = bias.gradient.data
        var crossEntropy = 0.0
        features.withUnsafeBufferPointer { f in
            scores.withUnsafeMutableBufferPointer { s in
                let scoreBase = s.baseAddress!
                SoftmaxRegression.scores(features: f.baseAddress!, rows: rows, weights: w, bias: b,
                                         dimension: dimension, classCount: classes, into: scoreBase)
                let scale = 1 / Float(rows)
                for row in 0..<rows {
                    let z = scoreBase + row * classes
                    var largest = z[0]
                    for c in 1..<classes { largest = Swift.max(largest, z[c]) }
                    var total: Float = 0
                    for c in 0..<classes {
                        z[c] = expf(z[c] - largest)
                        total += z[c]
                    }
                    let target = targets[row]
                    crossEntropy -= Double(logf(Swift.max(z[target] / total, .leastNormalMagnitude)))
                    let inverse = scale / total
                    for c in 0..<classes { z[c] *= inverse }
                    z[target] -= scale
                }
                BLAS.gemm(transposeA: true, transposeB: false, m: dimension, n: classes, k: rows,
                          a: f.baseAddress!, b: scoreBase, c: weightGradient)
                for c in 0..<classes {
                    var sum: Float = 0
                    for row in 0..<rows { sum += scoreBase[row * classes + c] }
                    biasGradient[c] = sum
                }
            }
        }
        let l2 = Float(configuration.l2)
        var penalty = 0.0
        for i in 0..<weights.value.count {
            weightGradient[i] += l2 * w[i]
            penalty += Double(w[i]) * Double(w[i])
        }
        return crossEntropy / Double(rows) + 0.5 * configuration.l2 * penalty
    }
}
