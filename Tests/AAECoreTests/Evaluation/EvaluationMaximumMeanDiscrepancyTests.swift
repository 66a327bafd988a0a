import AAECore
import Foundation
import XCTest

final class EvaluationMaximumMeanDiscrepancyTests: XCTestCase {
    func testTheUnbiasedEstimateOfTwoTinySamplesMatchesAHandComputation() {
        let estimate = MaximumMeanDiscrepancy.estimate(x: [0, 1], y: [3, 5], dimension: 1, bandwidth: 1)
        let kernel = { (squaredDistance: Double) in exp(-squaredDistance / 2) }
        let expected = kernel(1) + kernel(4) - 2 * (kernel(9) + kernel(25) + kernel(4) + kernel(16)) / 4
        XCTAssertEqual(estimate.squared, expected, accuracy: 1e-12)
        XCTAssertEqual(estimate.bandwidth, 1)
        XCTAssertEqual(estimate.xCount, 2)
        XCTAssertEqual(estimate.yCount, 2)
    }

    func testSamplesOfOneDistributionGiveNearlyZero() {
        var random = RandomGenerator(seed: 10)
        let x = EvaluationFixtures.normalRows(1_000, dimension: 4, random: &random)
        let y = EvaluationFixtures.normalRows(1_000, dimension: 4, random: &random)
        let estimate = MaximumMeanDiscrepancy.estimate(x: x, y: y, dimension: 4)
        XCTAssertEqual(estimate.squared, 0, accuracy: 2e-3)
    }

    func testAMeanShiftOfOneStandardDeviationGivesAClearlyLargerValue() {
        var random = RandomGenerator(seed: 11)
        let x = EvaluationFixtures.normalRows(1_000, dimension: 4, random: &random)
        let same = EvaluationFixtures.normalRows(1_000, dimension: 4, random: &random)
        let shifted = EvaluationFixtures.normalRows(1_000, dimension: 4, mean: 1, random: &random)
        let null = MaximumMeanDiscrepancy.estimate(x: x, y: same, dimension: 4).squared
        let alternative = MaximumMeanDiscrepancy.estimate(x: x, y: shifted, dimension: 4).squared
        XCTAssertGreaterThan(alternative, 0.1)
        XCTAssertGreaterThan(alternative, 20 * Swift.abs(null))
    }

    func testAFixedBandwidthGivesTheAnalyticMMDOfTwoGaussians() {
        // For N(0, I) against N(μ, I) and k = exp(−‖a−b‖²/2σ²) in d dimensions:
        // MMD² = 2·(σ²/(σ²+2))^(d/2)·(1 − exp(−‖μ‖²/(2(σ²+2)))).
        var random = RandomGenerator(seed: 12)
        let d = 2, sigma = 2.0
        let x = EvaluationFixtures.normalRows(2_000, dimension: d, random: &random)
        var y = EvaluationFixtures.normalRows(2_000, dimension: d, random: &random)
        for row in 0..<2_000 { y[row * d] += 1 }
        let ratio = sigma * sigma / (sigma * sigma + 2)
        let expected = 2 * pow(ratio, Double(d) / 2) * (1 - exp(-1 / (2 * (sigma * sigma + 2))))
        let estimate = MaximumMeanDiscrepancy.estimate(x: x, y: y, dimension: d, bandwidth: sigma)
        XCTAssertEqual(estimate.squared, expected, accuracy: 0.02)
    }

    func testTheMedianHeuristicIsTheMedianPairwiseDistance() {
        // Distances 1, 3, 7, 2, 6, 4: median (3 + 4)/2; of 0, 1, 3: 1, 3, 2, median 2.
        XCTAssertEqual(MaximumMeanDiscrepancy.medianHeuristicBandwidth([0, 1, 3, 7], dimension: 1), 3.5, accuracy: 1e-6)
        XCTAssertEqual(MaximumMeanDiscrepancy.medianHeuristicBandwidth([0, 1, 3], dimension: 1), 2, accuracy: 1e-6)
        XCTAssertEqual(MaximumMeanDiscrepancy.medianHeuristicBandwidth([0, 0, 3, 4], dimension: 2), 5, accuracy: 1e-6)
    }

    func testTheDefaultBandwidthIsTheMedianHeuristicOfThePooledSample() {
        var random = RandomGenerator(seed: 13)
        let x = EvaluationFixtures.normalRows(300, dimension: 3, random: &random)
        let y = EvaluationFixtures.normalRows(200, dimension: 3, mean: 0.5, random: &random)
        let estimate = MaximumMeanDiscrepancy.estimate(x: x, y: y, dimension: 3)
        XCTAssertEqual(estimate.bandwidth,
                       MaximumMeanDiscrepancy.medianHeuristicBandwidth(x + y, dimension: 3), accuracy: 1e-12)
        let fixed = MaximumMeanDiscrepancy.estimate(x: x, y: y, dimension: 3, bandwidth: estimate.bandwidth)
        XCTAssertEqual(fixed.squared, estimate.squared, accuracy: 1e-12)
    }

    func testIdenticalPointsFallBackToAUnitBandwidth() {
        let estimate = MaximumMeanDiscrepancy.estimate(x: [2, 2, 2, 2], y: [2, 2, 2, 2], dimension: 2)
        XCTAssertEqual(estimate.bandwidth, 1)
        XCTAssertEqual(estimate.squared, 0, accuracy: 1e-6)
    }

    func testLargeSamplesAreReducedToEvenlySpacedRows() {
        var random = RandomGenerator(seed: 14)
        let x = EvaluationFixtures.normalRows(1_000, dimension: 2, random: &random)
        let y = EvaluationFixtures.normalRows(450, dimension: 2, mean: 0.3, random: &random)
        let capped = MaximumMeanDiscrepancy.estimate(x: x, y: y, dimension: 2, sampleLimit: 300)
        XCTAssertEqual(capped.xCount, 300)
        XCTAssertEqual(capped.yCount, 300)
        func row(_ data: [Float], _ index: Int) -> [Float] {
            EvaluationFixtures.rows(data, index..<(index + 1), dimension: 2)
        }
        let xRows = (0..<300).flatMap { row(x, $0 * 1_000 / 300) }
        let yRows = (0..<300).flatMap { row(y, $0 * 450 / 300) }
        let explicit = MaximumMeanDiscrepancy.estimate(x: xRows, y: yRows, dimension: 2, sampleLimit: 300)
        XCTAssertEqual(capped, explicit)
        XCTAssertEqual(MaximumMeanDiscrepancy.estimate(x: x, y: y, dimension: 2, sampleLimit: 300), capped)
        XCTAssertEqual(MaximumMeanDiscrepancy.estimate(x: x, y: y, dimension: 2).xCount, 1_000)
    }

    func testSwappingTheSamplesLeavesTheEstimateUnchanged() {
        var random = RandomGenerator(seed: 15)
        let x = EvaluationFixtures.normalRows(400, dimension: 3, random: &random)
        let y = EvaluationFixtures.normalRows(250, dimension: 3, mean: 0.5, random: &random)
        let forward = MaximumMeanDiscrepancy.estimate(x: x, y: y, dimension: 3)
        let backward = MaximumMeanDiscrepancy.estimate(x: y, y: x, dimension: 3)
        XCTAssertEqual(forward.squared, backward.squared, accuracy: 1e-9)
        XCTAssertEqual(forward.bandwidth, backward.bandwidth, accuracy: 1e-9)
    }

    func testCodesAreComparedWithSamplesOfThePrior() {
        var random = RandomGenerator(seed: 16)
        let prior = NormalPrior(dimension: 4)
        let matching = EvaluationFixtures.normalRows(1_000, dimension: 4, random: &random)
        let shifted = EvaluationFixtures.normalRows(1_000, dimension: 4, mean: 1, random: &random)
        let near = MaximumMeanDiscrepancy.estimate(codes: matching, dimension: 4, prior: prior, random: &random)
        let far = MaximumMeanDiscrepancy.estimate(codes: shifted, dimension: 4, prior: prior, random: &random)
        XCTAssertEqual(near.yCount, 1_000)
        XCTAssertEqual(near.squared, 0, accuracy: 2e-3)
        XCTAssertGreaterThan(far.squared, 0.1)
    }
}
