import AAECore
import XCTest

final class LayerTests: XCTestCase {
    // MARK: - Dense

    func testDenseKernelIsGlorotUniformWithinItsBoundAndBiasIsZero() {
        var random = RandomGenerator(seed: 11)
        for (inputs, units) in [(784, 1000), (8, 2), (3, 50)] {
            let layer = Dense(inputFeatures: inputs, units: units, random: &random)
            let limit = (6 / Float(inputs + units)).squareRoot()
            let weights = layer.kernel.value.scalars
            XCTAssertEqual(layer.kernel.shape, [inputs, units])
            XCTAssertTrue(weights.allSatisfy { Swift.abs($0) <= limit }, "\(inputs) → \(units)")
            XCTAssertEqual(layer.bias?.value.scalars, [Float](repeating: 0, count: units))
            XCTAssertEqual(layer.outputFeatures, units)
            // Uniform on [−limit, limit]: it fills the interval and its variance is limit²/3.
            if weights.count >= 10_000 {
                XCTAssertGreaterThan(weights.max()!, 0.999 * limit)
                XCTAssertLessThan(weights.min()!, -0.999 * limit)
                let mean = weights.map(Double.init).reduce(0, +) / Double(weights.count)
                let variance = weights.map { Double($0) * Double($0) }.reduce(0, +) / Double(weights.count) - mean * mean
                XCTAssertEqual(mean, 0, accuracy: 0.01 * Double(limit))
                XCTAssertEqual(variance, Double(limit * limit) / 3, accuracy: 0.02 * Double(limit * limit))
            }
        }
    }

    func testDenseWithTheSameSeedHasIdenticalWeights() {
        var a = RandomGenerator(seed: 5, stream: 2), b = RandomGenerator(seed: 5, stream: 2)
        let first = Dense(inputFeatures: 20, units: 7, random: &a)
        let second = Dense(inputFeatures: 20, units: 7, random: &b)
        XCTAssertEqual(first.kernel.value.scalars, second.kernel.value.scalars)
        var c = RandomGenerator(seed: 6, stream: 2)
        let third = Dense(inputFeatures: 20, units: 7, random: &c)
        XCTAssertNotEqual(first.kernel.value.scalars, third.kernel.value.scalars)
    }

    func testDenseWithoutBiasHasOnlyAKernel() {
        var random = RandomGenerator(seed: 1)
        let layer = Dense(inputFeatures: 3, units: 2, useBias: false, random: &random)
        XCTAssertNil(layer.bias)
        XCTAssertEqual(layer.parameters.count, 1)
    }

    func testDenseComputesInputTimesKernelPlusBias() {
        var random = RandomGenerator(seed: 1)
        let layer = Dense(inputFeatures: 3, units: 2, random: &random)
        layer.bias!.value[0] = 0.5
        layer.bias!.value[1] = -1
        let g = Graph()
        let x = g.input(shape: [2, 3])
        for i in 0..<6 { x.value[i] = Float(i) - 2 }
        let y = layer(x)
        g.forward()
        for r in 0..<2 {
            for c in 0..<2 {
                var expected = layer.bias!.value[c]
                for k in 0..<3 { expected += x.value[r, k] * layer.kernel.value[k, c] }
                XCTAssertEqual(y.value[r, c], expected, accuracy: 1e-6)
            }
        }
    }

    // MARK: - Dropout

    func testDropoutIsTheIdentityInInference() {
        let g = Graph(isTraining: false, random: RandomGenerator(seed: 2))
        let x = g.input(shape: [16, 32])
        var random = RandomGenerator(seed: 3)
        random.fillUniform(x.value.data, count: x.value.count, low: -1, high: 1)
        let y = Dropout(rate: 0.4, features: 32)(x)
        g.forward()
        XCTAssertEqual(y.value.scalars, x.value.scalars)
    }

    func testDropoutInTrainingKeepsAboutOneMinusRateScaledByItsInverse() {
        let rate: Float = 0.3
        let g = Graph(isTraining: true, random: RandomGenerator(seed: 2))
        let x = g.input(shape: [200, 500])
        x.value.fill(1)
        let y = Dropout(rate: rate, features: 500)(x)
        g.forward()
        let values = y.value.scalars
        let kept = values.filter { $0 != 0 }
        XCTAssertTrue(kept.allSatisfy { Swift.abs($0 - 1 / (1 - rate)) < 1e-6 }, "kept values are scaled by 1/(1 − rate)")
        let fraction = Double(kept.count) / Double(values.count)
        XCTAssertEqual(fraction, Double(1 - rate), accuracy: 0.005)   // σ ≈ 0.001 over 1e5 elements
        // The expected value is preserved.
        XCTAssertEqual(Double(values.reduce(0, +)) / Double(values.count), 1, accuracy: 0.01)
    }

    func testDropoutDrawsANewMaskOnEachTrainingPass() {
        let g = Graph(isTraining: true, random: RandomGenerator(seed: 2))
        let x = g.input(shape: [10, 10])
        x.value.fill(1)
        let y = x.dropout(rate: 0.5)
        g.forward()
        let first = y.value.scalars
        g.forward()
        XCTAssertNotEqual(y.value.scalars, first)
    }

    // MARK: - Batch normalisation

    func testBatchNormInTrainingNormalisesEachFeatureOverTheBatch() {
        let layer = BatchNorm(features: 3)
        let g = Graph(isTraining: true)
        let x = g.input(shape: [64, 3])
        var random = RandomGenerator(seed: 8)
        for r in 0..<64 {
            for c in 0..<3 { x.value[r, c] = Float(c + 1) * random.uniform(-1, 1) + Float(c) * 3 }
        }
        let y = layer(x)
        g.forward()
        for c in 0..<3 {
            let column = (0..<64).map { Double(y.value[$0, c]) }
            let mean = column.reduce(0, +) / 64
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 64
            XCTAssertEqual(mean, 0, accuracy: 1e-5)
            XCTAssertEqual(variance, 1, accuracy: 0.01)   // ε = 1e-3 keeps it just under 1
            XCTAssertLessThan(variance, 1)
        }
    }

    func testBatchNormInInferenceUsesTheRunningStatistics() {
        let layer = BatchNorm(features: 2, epsilon: 1e-3)
        layer.runningMean[0] = 1; layer.runningMean[1] = -2
        layer.runningVariance[0] = 4; layer.runningVariance[1] = 0.25
        layer.scale.value[0] = 2; layer.scale.value[1] = 0.5
        layer.offset.value[0] = 0.1; layer.offset.value[1] = -0.3
        let g = Graph(isTraining: false)
        let x = g.input(shape: [3, 2])
        let values: [Float] = [0, 0, 3, -1, -1, 5]
        for i in 0..<6 { x.value[i] = values[i] }
        let y = layer(x)
        g.forward()
        for r in 0..<3 {
            for c in 0..<2 {
                let expected = layer.scale.value[c] * (x.value[r, c] - layer.runningMean[c])
                    / (layer.runningVariance[c] + 1e-3).squareRoot() + layer.offset.value[c]
                XCTAssertEqual(y.value[r, c], expected, accuracy: 1e-5)
            }
        }
        // Inference leaves the running statistics alone.
        XCTAssertEqual(layer.runningMean.scalars, [1, -2])
        XCTAssertEqual(layer.runningVariance.scalars, [4, 0.25])
    }

    func testBatchNormRunningStatisticsMoveTowardTheBatchStatistics() {
        let momentum: Float = 0.9
        let layer = BatchNorm(features: 2, momentum: momentum)
        let g = Graph(isTraining: true)
        let x = g.input(shape: [50, 2])
        var random = RandomGenerator(seed: 4)
        for r in 0..<50 {
            x.value[r, 0] = 3 + 2 * random.uniform(-1, 1)
            x.value[r, 1] = -1 + 0.1 * random.uniform(-1, 1)
        }
        _ = layer(x)
        var batchMean = [Double](repeating: 0, count: 2), batchVariance = [Double](repeating: 0, count: 2)
        for c in 0..<2 {
            let column = (0..<50).map { Double(x.value[$0, c]) }
            batchMean[c] = column.reduce(0, +) / 50
            batchVariance[c] = column.map { ($0 - batchMean[c]) * ($0 - batchMean[c]) }.reduce(0, +) / 50
        }
        var previousMean: [Double] = [0, 0], previousVariance: [Double] = [1, 1]
        for _ in 0..<3 {
            g.forward()
            for c in 0..<2 {
                let mean = Double(layer.runningMean[c]), variance = Double(layer.runningVariance[c])
                // Exactly one momentum step for the mean.
                XCTAssertEqual(mean, Double(momentum) * previousMean[c] + Double(1 - momentum) * batchMean[c],
                               accuracy: 1e-5)
                XCTAssertLessThan(Swift.abs(mean - batchMean[c]), Swift.abs(previousMean[c] - batchMean[c]))
                XCTAssertLessThan(Swift.abs(variance - batchVariance[c]), Swift.abs(previousVariance[c] - batchVariance[c]))
                previousMean[c] = mean
                previousVariance[c] = variance
            }
        }
        for _ in 0..<200 { g.forward() }
        for c in 0..<2 {
            XCTAssertEqual(Double(layer.runningMean[c]), batchMean[c], accuracy: 1e-4)
            // The batch variance, with or without Bessel's correction (n/(n−1) ≈ 1.02).
            XCTAssertEqual(Double(layer.runningVariance[c]) / batchVariance[c], 1, accuracy: 0.03)
        }
    }

    func testBatchNormParametersAreScaleOneAndOffsetZeroInitially() {
        let layer = BatchNorm(features: 4)
        XCTAssertEqual(layer.scale.value.scalars, [1, 1, 1, 1])
        XCTAssertEqual(layer.offset.value.scalars, [0, 0, 0, 0])
        XCTAssertEqual(layer.runningMean.scalars, [0, 0, 0, 0])
        XCTAssertEqual(layer.runningVariance.scalars, [1, 1, 1, 1])
        XCTAssertEqual(layer.parameters.count, 2)
    }

    // MARK: - Sequential and activations

    func testSequentialNamesParametersByNetworkIndexAndRole() {
        var random = RandomGenerator(seed: 1)
        let network = Sequential(name: "encoder", inputFeatures: 4, layers: [
            Dense(inputFeatures: 4, units: 3, random: &random),
            Activation(ReLU(), features: 3),
            Dense(inputFeatures: 3, units: 2, random: &random),
        ])
        XCTAssertEqual(network.parameters.map(\.name),
                       ["encoder.0.kernel", "encoder.0.bias", "encoder.2.kernel", "encoder.2.bias"])
        XCTAssertEqual(network.outputFeatures, 2)
    }

    func testActivationLayerAppliesItsFunction() {
        let g = Graph()
        let x = g.input(shape: [1, 4])
        for (i, v) in [Float(-2), -0.5, 0.5, 2].enumerated() { x.value[i] = v }
        let y = Activation(LeakyReLU(alpha: 0.2), features: 4)(x)
        g.forward()
        XCTAssertEqual(y.value.scalars, [-0.4, -0.1, 0.5, 2])
    }
}
