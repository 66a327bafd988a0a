import AAECore
import XCTest

/// The softmax, its cross-entropy from logits and the column slice that cuts the
/// latent groups out of the encoder's output: values and gradients against
/// central finite differences.
final class SoftmaxGradientTests: XCTestCase {
    private var random = RandomGenerator(seed: 505)
    private let checker = GradientChecker()

    private func parameter(_ name: String, _ shape: [Int], low: Float = -2, high: Float = 2) -> Parameter {
        let tensor = Tensor(shape: shape)
        random.fillUniform(tensor.data, count: tensor.count, low: low, high: high)
        return Parameter(name: name, value: tensor)
    }

    func testSoftmaxGradientMatchesFiniteDifferences() {
        let g = Graph()
        let x = parameter("x", [4, 5])
        checker.check(g.parameter(x).softmax(), with: [x], random: &random)
    }

    func testSoftmaxRowsArePositiveAndSumToOneEvenForHugeLogits() {
        let g = Graph()
        let x = g.constant(Tensor(shape: [2, 3], values: [1000, 999, -1000, -5e4, -5e4 + 1, -5e4 + 2]))
        let y = x.softmax()
        g.forward()
        for row in 0..<2 {
            let values = (0..<3).map { y.value[row * 3 + $0] }
            XCTAssertEqual(values.reduce(0, +), 1, accuracy: 1e-6)
            XCTAssertTrue(values.allSatisfy { $0.isFinite && $0 >= 0 })
        }
        XCTAssertEqual(y.value[0], 1 / (1 + expf(-1)), accuracy: 1e-6)
        XCTAssertEqual(y.value[5], 1 / (1 + expf(-1) + expf(-2)), accuracy: 1e-6)
    }

    func testSoftmaxCrossEntropyIsTheMeanNegativeLogProbabilityOfTheTarget() {
        let g = Graph()
        let logits = Tensor(shape: [2, 3], values: [1, 2, 3, 0, 0, 0])
        let z = g.constant(logits)
        let loss = z.softmaxCrossEntropy(g.constant(Tensor(shape: [2, 3], values: [0, 0, 1, 1, 0, 0])))
        g.forward()
        let first = -logf(expf(3) / (expf(1) + expf(2) + expf(3))), second = logf(3)
        XCTAssertEqual(loss.value.scalar, (first + second) / 2, accuracy: 1e-5)
    }

    func testSoftmaxCrossEntropyGradientMatchesFiniteDifferences() {
        let g = Graph()
        let z = parameter("z", [4, 3])
        let targets = Tensor(shape: [4, 3], values: [1, 0, 0, 0, 1, 0, 0, 0, 1, 0.5, 0.5, 0])
        checker.check(g.parameter(z).softmaxCrossEntropy(g.constant(targets)), with: [z], random: &random)
    }

    func testCategoricalCrossEntropyOfASoftmaxIsComputedFromItsLogitsWithoutOverflow() {
        let g = Graph()
        let z = g.constant(Tensor(shape: [1, 2], values: [-200, 200]))
        let loss = z.softmax().categoricalCrossEntropy(g.constant(Tensor(shape: [1, 2], values: [1, 0])))
        g.forward()
        XCTAssertEqual(loss.value.scalar, 400, accuracy: 1e-3)
    }

    func testColumnSliceTakesTheColumnsAndItsGradientMatchesFiniteDifferences() {
        let g = Graph()
        let x = parameter("x", [3, 6])
        let y = g.parameter(x).columns(2..<5)
        XCTAssertEqual(y.shape, [3, 3])
        g.forward()
        XCTAssertEqual(y.value[0], x.value[2])
        XCTAssertEqual(y.value[8], x.value[16])
        checker.check(y, with: [x], random: &random)
    }

    func testSlicesOfOneInputAccumulateTheirGradients() {
        let g = Graph()
        let x = parameter("x", [3, 5])
        let input = g.parameter(x)
        let y = Variable.concatenate([input.columns(0..<2).softmax(), input.columns(2..<5).tanh()])
        checker.check(y, with: [x], random: &random)
    }
}
