import AAECore
import XCTest

final class GraphTests: XCTestCase {
    private var random = RandomGenerator(seed: 31, stream: 4)

    private func parameter(_ name: String, _ shape: [Int]) -> Parameter {
        randomParameter(name, shape: shape, random: &random)
    }

    /// A small network with a shared parameter, a bias and a loss: x·W₁ + b → tanh → ·W₂ → mse.
    private func makeNetwork() -> (graph: Graph, loss: Variable, parameters: [Parameter], input: Variable) {
        let g = Graph(isTraining: true, random: RandomGenerator(seed: 3))
        let w1 = parameter("w1", [5, 4]), b = parameter("b", [4]), w2 = parameter("w2", [4, 2])
        let x = g.input(shape: [3, 5])
        random.fillUniform(x.value.data, count: x.value.count, low: -1, high: 1)
        let target = g.input(shape: [3, 2])
        random.fillUniform(target.value.data, count: target.value.count, low: -1, high: 1)
        let h = x.matmul(g.parameter(w1)).addingBias(g.parameter(b)).tanh().dropout(rate: 0.2)
        let loss = h.matmul(g.parameter(w2)).meanSquaredError(target)
        return (g, loss, [w1, b, w2], x)
    }

    func testBackwardTwiceGivesTheSameGradients() {
        let (g, loss, parameters, _) = makeNetwork()
        g.forward()
        g.backward(from: loss)
        let first = parameters.map(\.gradient.scalars)
        g.backward(from: loss)
        XCTAssertEqual(parameters.map(\.gradient.scalars), first)
        g.random = RandomGenerator(seed: 3)
        g.forward()
        g.backward(from: loss)
        XCTAssertEqual(parameters.map(\.gradient.scalars), first, "a repeated step must not accumulate into stale gradients")
    }

    func testBackwardRepeatedWithANodeUsedTwiceDoesNotAccumulateAcrossPasses() {
        let g = Graph()
        let x = parameter("x", [2, 3])
        let v = g.parameter(x)
        let loss = (v * v + v).sum() + v.matmul(v, transposeOther: true).sum()
        g.forward()
        g.backward(from: loss)
        let first = x.gradient.scalars
        g.backward(from: loss)
        g.backward(from: loss)
        XCTAssertEqual(x.gradient.scalars, first)
    }

    func testAParameterTheLossDoesNotReachGetsAZeroGradient() {
        let g = Graph()
        let used = parameter("used", [2, 3]), unused = parameter("unused", [2, 3])
        let loss = g.parameter(used).squared().sum()
        _ = g.parameter(unused).tanh().sum()
        unused.gradient.fill(9)
        g.forward()
        g.backward(from: loss)
        XCTAssertEqual(unused.gradient.scalars, [Float](repeating: 0, count: 6))
        XCTAssertEqual(used.gradient.scalars, used.value.scalars.map { 2 * $0 })
    }

    func testBackwardFromALossThatNoParameterReachesZeroesEveryParameterGradient() {
        let g = Graph()
        let p = parameter("p", [2, 3])
        let x = g.input(shape: [2, 3])
        _ = g.parameter(p).sum()
        let loss = x.squared().sum()
        p.gradient.fill(5)
        g.forward()
        g.backward(from: loss)
        XCTAssertEqual(p.gradient.scalars, [Float](repeating: 0, count: 6))
    }

    func testAParameterHasOneNodeAndSharesItsTensorsWithTheGraph() {
        let g = Graph()
        let p = parameter("p", [2, 2])
        let a = g.parameter(p), b = g.parameter(p)
        XCTAssertTrue(a.node === b.node)
        XCTAssertTrue(a.value === p.value)
        XCTAssertTrue(a.gradient === p.gradient)
        XCTAssertEqual(g.parameters.count, 1)
    }

    func testForwardAndBackwardReuseTheBuffersAllocatedAtBuildTime() {
        let (g, loss, parameters, x) = makeNetwork()
        func buffers() -> [UnsafeMutablePointer<Float>] {
            g.nodes.flatMap { [$0.value.data] + ($0.gradient.map { [$0.data] } ?? []) }
        }
        let tensors = g.nodes.map { ObjectIdentifier($0.value) }
        let gradients = g.nodes.map { $0.gradient.map(ObjectIdentifier.init) }
        let before = buffers()
        let parameterTensors = parameters.map { (ObjectIdentifier($0.value), ObjectIdentifier($0.gradient)) }
        let nodeCount = g.nodes.count
        for step in 0..<5 {
            random.fillUniform(x.value.data, count: x.value.count, low: -1, high: 1)
            g.forward()
            g.backward(from: loss)
            XCTAssertEqual(g.nodes.count, nodeCount, "step \(step)")
            XCTAssertEqual(g.nodes.map { ObjectIdentifier($0.value) }, tensors, "step \(step)")
            XCTAssertEqual(g.nodes.map { $0.gradient.map(ObjectIdentifier.init) }, gradients, "step \(step)")
            XCTAssertEqual(buffers(), before, "step \(step)")
            XCTAssertTrue(zip(parameters, parameterTensors).allSatisfy {
                ObjectIdentifier($0.value) == $1.0 && ObjectIdentifier($0.gradient) == $1.1
            })
        }
    }

    func testOnlyNodesDownstreamOfAParameterHaveGradients() {
        let g = Graph()
        let p = parameter("p", [2, 3])
        let x = g.input(shape: [2, 3])
        let fromInput = x.tanh()
        let mixed = fromInput * g.parameter(p)
        XCTAssertNil(x.gradient)
        XCTAssertNil(fromInput.gradient)
        XCTAssertNotNil(mixed.gradient)
    }

    // MARK: - Forward values

    func testMatMulForwardMatchesANaiveProductForAllTransposeCombinations() {
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                let g = Graph()
                let a = g.constant(randomTensor(transposeA ? [5, 3] : [3, 5]))
                let b = g.constant(randomTensor(transposeB ? [4, 5] : [5, 4]))
                let c = a.matmul(b, transposeSelf: transposeA, transposeOther: transposeB)
                g.forward()
                for i in 0..<3 {
                    for j in 0..<4 {
                        var expected: Float = 0
                        for k in 0..<5 {
                            let aik = transposeA ? a.value[k, i] : a.value[i, k]
                            let bkj = transposeB ? b.value[j, k] : b.value[k, j]
                            expected += aik * bkj
                        }
                        XCTAssertEqual(c.value[i, j], expected, accuracy: 1e-5, "transposes \(transposeA) \(transposeB)")
                    }
                }
            }
        }
    }

    func testLossValuesMatchTheirDefinitions() {
        let g = Graph()
        let p = g.constant(Tensor(shape: [2, 2], values: [0.2, 0.7, 0.9, 0.4]))
        let t = g.constant(Tensor(shape: [2, 2], values: [0, 1, 1, 0.5]))
        let mse = p.meanSquaredError(t)
        let mseRows = p.meanSquaredError(t, reduction: .sumPerRow)
        let bce = p.binaryCrossEntropy(t)
        let bceRows = p.binaryCrossEntropy(t, reduction: .sumPerRow)
        g.forward()
        let pv: [Double] = [0.2, 0.7, 0.9, 0.4], tv: [Double] = [0, 1, 1, 0.5]
        let squares = zip(pv, tv).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        XCTAssertEqual(Double(mse.value.scalar), squares / 4, accuracy: 1e-6)
        XCTAssertEqual(Double(mseRows.value.scalar), squares / 2, accuracy: 1e-6)
        let entropies = zip(pv, tv).map { -($1 * Foundation.log($0) + (1 - $1) * Foundation.log(1 - $0)) }.reduce(0, +)
        XCTAssertEqual(Double(bce.value.scalar), entropies / 4, accuracy: 1e-5)
        XCTAssertEqual(Double(bceRows.value.scalar), entropies / 2, accuracy: 1e-5)
    }

    func testBinaryCrossEntropyOfASigmoidOutputEqualsTheProbabilityForm() {
        let g = Graph()
        let logits = g.constant(randomTensor([4, 3], low: -3, high: 3))
        let target = g.constant(randomTensor([4, 3], low: 0, high: 1))
        let probabilities = logits.sigmoid()
        let routed = probabilities.binaryCrossEntropy(target)
        let copied = probabilities.affine(scale: 1).binaryCrossEntropy(target)  // not a sigmoid node
        let fromLogits = logits.sigmoidCrossEntropy(target)
        g.forward()
        XCTAssertEqual(routed.value.scalar, copied.value.scalar, accuracy: 1e-5)
        XCTAssertEqual(routed.value.scalar, fromLogits.value.scalar)
    }

    func testStoppingGradientPassesTheValueUnchanged() {
        let g = Graph()
        let x = g.constant(randomTensor([3, 3]))
        let y = x.stoppingGradient()
        g.forward()
        XCTAssertEqual(y.value.scalars, x.value.scalars)
    }

    func testDropoutAndNoiseAreTheIdentityInInference() {
        let g = Graph(isTraining: false, random: RandomGenerator(seed: 1))
        let x = g.constant(randomTensor([10, 10]))
        let dropped = x.dropout(rate: 0.5), noisy = x.gaussianNoise(std: 1)
        g.forward()
        XCTAssertEqual(dropped.value.scalars, x.value.scalars)
        XCTAssertEqual(noisy.value.scalars, x.value.scalars)
    }

    func testGaussianNoiseInTrainingAddsNoiseOfTheGivenDeviation() {
        let g = Graph(isTraining: true, random: RandomGenerator(seed: 1))
        let x = g.constant(randomTensor([200, 50]))
        let noisy = x.gaussianNoise(std: 0.5)
        g.forward()
        let differences = zip(noisy.value.scalars, x.value.scalars).map { Double($0 - $1) }
        let mean = differences.reduce(0, +) / Double(differences.count)
        let variance = differences.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(differences.count)
        XCTAssertEqual(mean, 0, accuracy: 0.02)
        XCTAssertEqual(variance.squareRoot(), 0.5, accuracy: 0.02)
    }

    private func randomTensor(_ shape: [Int], low: Float = -1, high: Float = 1) -> Tensor {
        let tensor = Tensor(shape: shape)
        random.fillUniform(tensor.data, count: tensor.count, low: low, high: high)
        return tensor
    }
}
