import AAECore
import XCTest

final class EvaluationPrincipalComponentsTests: XCTestCase {
    /// Codes with standard deviations `stds` along the orthonormal `axes` (rows), around `centre`.
    private func elongated(_ count: Int, axes: [[Float]], stds: [Float], centre: [Float],
                           random: inout RandomGenerator) -> [Float] {
        var codes: [Float] = []
        for _ in 0..<count {
            var code = centre
            for (axis, std) in zip(axes, stds) {
                let amount = random.normal(std: std)
                for i in code.indices { code[i] += amount * axis[i] }
            }
            codes.append(contentsOf: code)
        }
        return codes
    }

    func testRecoversTheLongAxisOfAnElongatedGaussian() {
        var random = RandomGenerator(seed: 70)
        let long: [Float] = [0.6, -0.8, 0], middle: [Float] = [0.8, 0.6, 0], short: [Float] = [0, 0, 1]
        let codes = elongated(4_000, axes: [long, middle, short], stds: [5, 1, 0.2], centre: [1, 2, 3],
                              random: &random)
        let pca = PrincipalComponents(codes: codes, dimension: 3, components: 2)
        XCTAssertEqual(pca.componentCount, 2)
        // Sign convention: the largest-magnitude entry is positive, so the long axis flips.
        for (value, expected) in zip(pca.directions[0], [Float(-0.6), 0.8, 0]) {
            XCTAssertEqual(value, expected, accuracy: 0.01)
        }
        for (value, expected) in zip(pca.directions[1], [Float(0.8), 0.6, 0]) {
            XCTAssertEqual(value, expected, accuracy: 0.02)
        }
        XCTAssertEqual(pca.variances[0], 25, accuracy: 1.5)
        XCTAssertEqual(pca.variances[1], 1, accuracy: 0.1)
        XCTAssertEqual(pca.explainedVarianceRatios[0], 25 / 26.04, accuracy: 0.01)
        for (value, expected) in zip(pca.mean, [Float(1), 2, 3]) { XCTAssertEqual(value, expected, accuracy: 0.2) }
        for direction in pca.directions {
            XCTAssertEqual(direction.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-5)
        }
        XCTAssertEqual(zip(pca.directions[0], pca.directions[1]).reduce(0) { $0 + $1.0 * $1.1 }, 0, accuracy: 1e-5)
    }

    func testExplainedVarianceRatiosAreDecreasingAndSumToAtMostOne() {
        var random = RandomGenerator(seed: 71)
        let codes = EvaluationFixtures.normalRows(500, dimension: 12, random: &random)
        let some = PrincipalComponents(codes: codes, dimension: 12, components: 4)
        XCTAssertLessThan(some.explainedVarianceRatios.reduce(0, +), 1)
        XCTAssertEqual(some.explainedVarianceRatios, some.explainedVarianceRatios.sorted(by: >))
        let all = PrincipalComponents(codes: codes, dimension: 12, components: 12)
        XCTAssertEqual(all.explainedVarianceRatios.reduce(0, +), 1, accuracy: 1e-6)
        XCTAssertLessThanOrEqual(all.explainedVarianceRatios.reduce(0, +), 1 + 1e-9)
        XCTAssertTrue(all.explainedVarianceRatios.allSatisfy { $0 >= 0 })
    }

    func testTheMeanProjectsToZeroAndCodesRoundTripWithinTheSpan() {
        var random = RandomGenerator(seed: 72)
        let codes = EvaluationFixtures.normalRows(300, dimension: 5, mean: 2, random: &random)
        let pca = PrincipalComponents(codes: codes, dimension: 5, components: 5)
        XCTAssertEqual(pca.project(pca.mean), [0, 0, 0, 0, 0])
        let first = Array(codes[0..<5])
        let back = pca.code(at: pca.project(first))
        for (value, expected) in zip(back, first) { XCTAssertEqual(value, expected, accuracy: 1e-4) }
    }

    func testProjectionsHaveTheComponentVariances() {
        var random = RandomGenerator(seed: 73)
        let codes = EvaluationFixtures.normalRows(1_000, dimension: 6, std: 2, random: &random)
        let pca = PrincipalComponents(codes: codes, dimension: 6, components: 2)
        let projected = pca.project(codes)
        XCTAssertEqual(projected.count, 2_000)
        for component in 0..<2 {
            let values = stride(from: component, to: projected.count, by: 2).map { Double(projected[$0]) }
            let mean = values.reduce(0, +) / 1_000
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 999
            XCTAssertEqual(mean, 0, accuracy: 1e-4)
            XCTAssertEqual(variance, pca.variances[component], accuracy: pca.variances[component] * 1e-4)
        }
    }

    func testConstantCodesHaveZeroVarianceAndTheSignConvention() {
        let codes = [Float](repeating: 3, count: 40)
        let pca = PrincipalComponents(codes: codes, dimension: 4, components: 2)
        XCTAssertEqual(pca.explainedVarianceRatios, [0, 0])
        XCTAssertEqual(pca.directions, [[1, 0, 0, 0], [0, 1, 0, 0]])
        XCTAssertEqual(pca.project(codes), [Float](repeating: 0, count: 20))
    }

    func testIdenticalInputsGiveIdenticalResults() {
        var random = RandomGenerator(seed: 74)
        let codes = EvaluationFixtures.normalRows(200, dimension: 9, random: &random)
        let first = PrincipalComponents(codes: codes, dimension: 9, components: 3)
        let second = PrincipalComponents(codes: codes, dimension: 9, components: 3)
        XCTAssertEqual(first.directions, second.directions)
        XCTAssertEqual(first.project(codes), second.project(codes))
    }

    /// Codes of `dimension` values with two planted axes (stds 6 and 3, along
    /// `(e0 + e1)/√2` and `e2`) over isotropic noise of std 0.5.
    private func plantedCodes(_ count: Int, dimension: Int, seed: UInt64) -> [Float] {
        var random = RandomGenerator(seed: seed)
        var codes = EvaluationFixtures.normalRows(count, dimension: dimension, std: 0.5, random: &random)
        for row in 0..<count {
            let long = random.normal(std: 6), middle = random.normal(std: 3)
            codes[row * dimension] += long / Float(2).squareRoot()
            codes[row * dimension + 1] += long / Float(2).squareRoot()
            codes[row * dimension + 2] += middle
        }
        return codes
    }

    func testWideCodesGetTheirTopDirectionsWithoutTheirCovarianceMatrix() {
        let dimension = 300, count = 1_000
        let codes = plantedCodes(count, dimension: dimension, seed: 75)
        let recorder = GemmRecorder()
        BLAS.gemmRecorder = recorder
        let pca = PrincipalComponents(codes: codes, dimension: dimension, components: 2)
        BLAS.gemmRecorder = nil
        XCTAssertFalse(recorder.calls.isEmpty)
        for call in recorder.calls {
            XCTAssertLessThan(call.m * call.n, dimension * dimension / 4, "a \(call.m)×\(call.n) product")
        }
        let axis = 1 / Float(2).squareRoot()
        XCTAssertEqual(abs(pca.directions[0][0]), axis, accuracy: 0.01)
        XCTAssertEqual(abs(pca.directions[0][1]), axis, accuracy: 0.01)
        XCTAssertEqual(abs(pca.directions[1][2]), 1, accuracy: 0.01)
        XCTAssertEqual(pca.variances[0], 36.25, accuracy: 3)
        XCTAssertEqual(pca.variances[1], 9.25, accuracy: 1)
        // The total variance is 36 + 9 + 300 · 0.25.
        XCTAssertEqual(pca.explainedVarianceRatios[0], 36.25 / 120, accuracy: 0.03)
        XCTAssertEqual(pca.explainedVarianceRatios[1], 9.25 / 120, accuracy: 0.01)
        for direction in pca.directions {
            XCTAssertEqual(direction.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-4)
        }
        XCTAssertEqual(zip(pca.directions[0], pca.directions[1]).reduce(0) { $0 + $1.0 * $1.1 }, 0, accuracy: 1e-4)
        let again = PrincipalComponents(codes: codes, dimension: dimension, components: 2)
        XCTAssertEqual(again.directions, pca.directions)
        XCTAssertEqual(again.variances, pca.variances)
    }

    func testA4096DimensionalCodeIsFittedFromFewerCodesThanValues() {
        let dimension = 4_096, count = 400
        let codes = plantedCodes(count, dimension: dimension, seed: 76)
        let pca = PrincipalComponents(codes: codes, dimension: dimension, components: 2)
        // With fewer codes than values the sample directions lean into the noise a little.
        XCTAssertEqual(abs(pca.directions[0][0]), 1 / Float(2).squareRoot(), accuracy: 0.05)
        XCTAssertGreaterThan(abs(pca.directions[1][2]), 0.8)
        XCTAssertGreaterThan(pca.explainedVarianceRatios[0], pca.explainedVarianceRatios[1])
        XCTAssertLessThanOrEqual(pca.explainedVarianceRatios.reduce(0, +), 1)
    }

    func testConstantWideCodesHaveZeroVarianceAndCoordinateAxes() {
        let codes = [Float](repeating: -2, count: 100 * 10)
        let pca = PrincipalComponents(codes: codes, dimension: 100, components: 2)
        XCTAssertEqual(pca.explainedVarianceRatios, [0, 0])
        XCTAssertEqual(pca.project(codes), [Float](repeating: 0, count: 20))
        for direction in pca.directions {
            XCTAssertEqual(direction.filter { $0 != 0 }, [1])
        }
    }
}
