import AAECore
import XCTest

/// Gradient checks of the operations added for speed and for the model family:
/// the fused dense product, row stacking, row repetition and the KL sparsity penalty.
final class StructuralOpsGradientTests: XCTestCase {
    private var random = RandomGenerator(seed: 404)
    private let checker = GradientChecker()

    private func parameter(_ name: String, _ shape: [Int], low: Float = -1, high: Float = 1) -> Parameter {
        let tensor = Tensor(shape: shape)
        random.fillUniform(tensor.data, count: tensor.count, low: low, high: high)
        return Parameter(name: name, value: tensor)
    }

    func testLinearGradientsMatchFiniteDifferencesForInputKernelAndBias() {
        let g = Graph()
        let x = parameter("x", [5, 3]), w = parameter("w", [3, 4]), b = parameter("b", [4])
        let y = g.parameter(x).linear(kernel: g.parameter(w), bias: g.parameter(b))
        XCTAssertEqual(y.shape, [5, 4])
        checker.check(y, with: [x, w, b], random: &random)
    }

    func testLinearEqualsMatmulPlusBias() {
        let g = Graph()
        let x = parameter("x", [5, 3]), w = parameter("w", [3, 4]), b = parameter("b", [4])
        let fused = g.parameter(x).linear(kernel: g.parameter(w), bias: g.parameter(b))
        let separate = g.parameter(x).matmul(g.parameter(w)).addingBias(g.parameter(b))
        g.forward()
        for i in 0..<fused.value.count {
            XCTAssertEqual(fused.value[i], separate.value[i], accuracy: 1e-6)
        }
    }

    func testStackRowsGradientsMatchFiniteDifferences() {
        let g = Graph()
        let a = parameter("a", [2, 3]), b = parameter("b", [4, 3])
        let y = Variable.stackRows([g.parameter(a), g.parameter(b)])
        XCTAssertEqual(y.shape, [6, 3])
        g.forward()
        XCTAssertEqual(Array(y.value.scalars.prefix(6)), a.value.scalars)
        checker.check(y, with: [a, b], random: &random)
    }

    func testFirstRowsGradientMatchesFiniteDifferencesAndLeavesTheOtherRowsAtZero() {
        let g = Graph()
        let x = parameter("x", [5, 3])
        let y = g.parameter(x).firstRows(2)
        XCTAssertEqual(y.shape, [2, 3])
        g.forward()
        XCTAssertEqual(y.value.scalars, Array(x.value.scalars.prefix(6)))
        checker.check(y, with: [x], random: &random)
    }

    func testRepeatingRowsGradientSumsTheCopies() {
        let g = Graph()
        let x = parameter("x", [2, 3])
        let y = g.parameter(x).repeatingRows(3)
        XCTAssertEqual(y.shape, [6, 3])
        checker.check(y, with: [x], random: &random)
    }

    func testSparsityDivergenceGradientMatchesFiniteDifferences() {
        let g = Graph()
        let activation = parameter("rho_hat", [6], low: 0.1, high: 0.9)
        checker.check(g.parameter(activation).sparsityDivergence(target: 0.05), with: [activation], random: &random)
    }

    func testSparsityDivergenceIsZeroAtTheTarget() {
        let g = Graph()
        let loss = g.constant(shape: [4], repeating: 0.05).sparsityDivergence(target: 0.05)
        g.forward()
        XCTAssertEqual(loss.value.scalar, 0, accuracy: 1e-6)
    }
}
