import AAECore
import Foundation
import XCTest

final class EvaluationKolmogorovSmirnovTests: XCTestCase {
    /// The 99.9 % quantile of the statistic for `n` samples of the reference
    /// distribution (Kolmogorov's limit, `1.95/√n`).
    private func nullBound(_ n: Int) -> Double { 1.95 / Double(n).squareRoot() }

    private let uniformCDF: (Double) -> Double = { Swift.min(Swift.max($0, 0), 1) }
    private let normalCDF: (Double) -> Double = { 0.5 * erfc(-$0 / 2.0.squareRoot()) }

    func testASingleSampleIsAtItsLargerGapFromTheCDF() {
        XCTAssertEqual(KolmogorovSmirnov.statistic([0.3], cdf: uniformCDF), 0.7, accuracy: 1e-12)
        XCTAssertEqual(KolmogorovSmirnov.statistic([0.8], cdf: uniformCDF), 0.8, accuracy: 1e-12)
    }

    func testEvenlySpacedSamplesSitHalfAStepFromTheUniformCDF() {
        let samples = (0..<10).map { (Double($0) + 0.5) / 10 }.reversed()
        XCTAssertEqual(KolmogorovSmirnov.statistic(Array(samples), cdf: uniformCDF), 0.05, accuracy: 1e-12)
    }

    func testTiedSamplesMeasureTheWholeJump() {
        XCTAssertEqual(KolmogorovSmirnov.statistic([0.5, 0.5], cdf: uniformCDF), 0.5, accuracy: 1e-12)
        XCTAssertEqual(KolmogorovSmirnov.statistic([0.2, 0.2, 0.9], cdf: uniformCDF), 0.4667, accuracy: 1e-4)
    }

    func testNormalSamplesAgainstTheNormalCDFGiveASmallStatistic() {
        var random = RandomGenerator(seed: 1)
        let samples = EvaluationFixtures.normalRows(5_000, dimension: 1, random: &random)
        XCTAssertLessThan(KolmogorovSmirnov.statistic(samples, cdf: normalCDF), 0.02)
    }

    func testSamplesShiftedByOneStandardDeviationGiveTheShiftedStatistic() {
        var random = RandomGenerator(seed: 2)
        let samples = EvaluationFixtures.normalRows(5_000, dimension: 1, mean: 1, random: &random)
        // sup |Φ(x − 1) − Φ(x)| = 2Φ(½) − 1, at x = ½.
        let expected = 2 * normalCDF(0.5) - 1
        XCTAssertEqual(KolmogorovSmirnov.statistic(samples, cdf: normalCDF), expected, accuracy: 0.02)
    }

    func testMarginalStatisticsMeasureEachCodeDimensionSeparately() throws {
        var random = RandomGenerator(seed: 3)
        let count = 5_000, dimension = 3
        var codes = EvaluationFixtures.normalRows(count, dimension: dimension, random: &random)
        for row in 0..<count { codes[row * dimension + 1] += 1 }
        let prior = NormalPrior(dimension: dimension)
        let statistics = try XCTUnwrap(KolmogorovSmirnov.marginalStatistics(codes: codes, dimension: dimension,
                                                                             prior: prior))
        XCTAssertEqual(statistics.count, 3)
        XCTAssertLessThan(statistics[0], nullBound(count))
        XCTAssertEqual(statistics[1], 0.383, accuracy: 0.02)
        XCTAssertLessThan(statistics[2], nullBound(count))
        let mean = try XCTUnwrap(KolmogorovSmirnov.meanMarginalKS(codes: codes, dimension: dimension, prior: prior))
        XCTAssertEqual(mean, statistics.reduce(0, +) / 3, accuracy: 1e-12)
    }

    func testMeanMarginalKSUsesEachDimensionsOwnMarginal() throws {
        var random = RandomGenerator(seed: 4)
        let prior = StaggeredPrior(dimension: 4)
        let codes = prior.samples(rows: 5_000, random: &random)
        let mean = try XCTUnwrap(KolmogorovSmirnov.meanMarginalKS(codes: codes, dimension: 4, prior: prior))
        XCTAssertLessThan(mean, 0.02)
    }

    func testMeanMarginalKSIsNilForAPriorWithoutAMarginalCDF() {
        var random = RandomGenerator(seed: 5)
        let prior = CDFlessPrior(dimension: 2)
        let codes = prior.samples(rows: 100, random: &random)
        XCTAssertNil(KolmogorovSmirnov.meanMarginalKS(codes: codes, dimension: 2, prior: prior))
        XCTAssertNil(KolmogorovSmirnov.marginalStatistics(codes: codes, dimension: 2, prior: prior))
    }
}

/// Unit normals whose dimension `i` has mean `i`, with the matching marginals.
private struct StaggeredPrior: Prior {
    let dimension: Int

    func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        for i in 0..<(rows * dimension) { destination[i] = Float(i % dimension) + Float(random.nextNormal()) }
    }

    func marginalCDF(_ x: Double, dimension index: Int) -> Double? {
        0.5 * erfc(-(x - Double(index)) / 2.0.squareRoot())
    }
}

/// A prior with no closed-form marginal CDF.
private struct CDFlessPrior: Prior {
    let dimension: Int

    func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
        random.fillUniform(destination, count: rows * dimension, low: -1, high: 1)
    }
}
