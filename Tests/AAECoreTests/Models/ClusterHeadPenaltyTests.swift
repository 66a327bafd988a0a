import AAECore
import XCTest

/// The dimensionality-reduction AAE's penalty on cluster heads closer than η.
final class ClusterHeadPenaltyTests: XCTestCase {
    private let penalty = ClusterHeadPenalty(threshold: 1.5)

    private func value(_ heads: [Float], count: Int, dimension: Int) -> Float {
        var gradient = [Float](repeating: 0, count: heads.count)
        return penalty.apply(heads, heads: count, dimension: dimension, gradient: &gradient)
    }

    func testOnlyPairsCloserThanTheThresholdPay() {
        // Heads at (0,0), (1,0) and (10,0): only the first pair is within 1.5, 0.5 short of it.
        XCTAssertEqual(value([0, 0, 1, 0, 10, 0], count: 3, dimension: 2), 0.5, accuracy: 1e-6)
        XCTAssertEqual(value([0, 0, 5, 0, 10, 0], count: 3, dimension: 2), 0)
    }

    func testGradientMatchesFiniteDifferences() {
        var random = RandomGenerator(seed: 9)
        var heads = [Float](repeating: 0, count: 5 * 3)
        random.fillUniform(&heads, count: heads.count, low: -1, high: 1)
        var gradient = [Float](repeating: 0, count: heads.count)
        penalty.apply(heads, heads: 5, dimension: 3, gradient: &gradient)
        XCTAssertGreaterThan(gradient.map(abs).max()!, 0)
        let h: Float = 1e-3
        for i in heads.indices {
            var plus = heads, minus = heads
            plus[i] += h
            minus[i] -= h
            let numeric = (Double(value(plus, count: 5, dimension: 3)) - Double(value(minus, count: 5, dimension: 3)))
                / Double(2 * h)
            XCTAssertEqual(Double(gradient[i]), numeric, accuracy: 2e-2, "element \(i)")
        }
    }

    func testTheGradientPushesCloseHeadsApart() {
        var heads: [Float] = [0, 0, 0.5, 0]
        var gradient = [Float](repeating: 0, count: 4)
        let before = penalty.apply(heads, heads: 2, dimension: 2, gradient: &gradient)
        for i in heads.indices { heads[i] -= 0.1 * gradient[i] }
        XCTAssertLessThan(value(heads, count: 2, dimension: 2), before)
        XCTAssertEqual(gradient, [1, 0, -1, 0])
    }
}
