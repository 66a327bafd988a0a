import AAECore
import Foundation
import XCTest

final class EvaluationParzenWindowTests: XCTestCase {
    /// `log N(x; 0, s²I)` of a row.
    private func gaussianLogDensity(_ x: ArraySlice<Float>, std s: Double) -> Double {
        let squares = x.reduce(0.0) { $0 + Double($1) * Double($1) }
        return -squares / (2 * s * s) - Double(x.count) / 2 * log(2 * Double.pi * s * s)
    }

    func testASingleSampleGivesTheGaussianLogDensityAroundIt() {
        let point: [Float] = [0.3, -1.2, 2]
        let result = ParzenWindow.logLikelihoods(samples: [0, 0, 0], points: point, dimension: 3, sigmas: [0.5, 2])
        XCTAssertEqual(result[0][0], gaussianLogDensity(point[...], std: 0.5), accuracy: 1e-5)
        XCTAssertEqual(result[1][0], gaussianLogDensity(point[...], std: 2), accuracy: 1e-5)
    }

    func testTwoSamplesGiveTheLogOfTheirAverageDensity() {
        let sigma = 0.7, point: [Float] = [0.4, 0.1]
        let samples: [Float] = [0, 0, 1, -0.5, 100, 100]
        let densities = [[Float(0), 0], [1, -0.5], [100, 100]].map { centre in
            exp(gaussianLogDensity(zip(point, centre).map { $0 - $1 }[...], std: sigma))
        }
        let result = ParzenWindow.logLikelihoods(samples: samples, points: point, dimension: 2, sigmas: [sigma])
        XCTAssertEqual(result[0][0], log(densities.reduce(0, +) / 3), accuracy: 1e-5)
    }

    func testSamplesOfAGaussianEstimateItsMeanLogDensity() {
        for dimension in [2, 5] {
            var random = RandomGenerator(seed: 40 + UInt64(dimension))
            let samples = EvaluationFixtures.normalRows(10_000, dimension: dimension, random: &random)
            let validation = EvaluationFixtures.normalRows(1_000, dimension: dimension, random: &random)
            let test = EvaluationFixtures.normalRows(1_000, dimension: dimension, random: &random)
            let result = ParzenWindow.evaluate(samples: samples, validation: validation, test: test,
                                               dimension: dimension)
            let truth = (0..<1_000).map { row in
                gaussianLogDensity(test[(row * dimension)..<((row + 1) * dimension)], std: 1)
            }.reduce(0, +) / 1_000
            // The kernel widens the density to N(0, (1 + σ²)I) and the sample's finite size
            // adds noise; both cost a few hundredths of a nat per dimension here.
            XCTAssertEqual(result.meanLogLikelihood, truth, accuracy: 0.03 * Double(dimension),
                           "dimension \(dimension)")
            XCTAssertGreaterThan(result.standardError, 0)
            XCTAssertLessThan(result.standardError, 0.1 * Double(dimension))
            XCTAssertTrue(ParzenWindow.defaultSigmas.contains(result.sigma))
            XCTAssertGreaterThan(result.sigma, ParzenWindow.defaultSigmas.first!, "dimension \(dimension)")
            XCTAssertLessThan(result.sigma, ParzenWindow.defaultSigmas.last!, "dimension \(dimension)")
        }
    }

    func testTheChosenSigmaHasTheBestValidationMean() {
        var random = RandomGenerator(seed: 43)
        let samples = EvaluationFixtures.normalRows(2_000, dimension: 3, std: 0.5, random: &random)
        let validation = EvaluationFixtures.normalRows(300, dimension: 3, std: 0.5, random: &random)
        let test = EvaluationFixtures.normalRows(300, dimension: 3, std: 0.5, random: &random)
        let sigmas = [0.8, 0.05, 0.2, 0.4, 0.1]
        let result = ParzenWindow.evaluate(samples: samples, validation: validation, test: test, dimension: 3,
                                           sigmas: sigmas)
        XCTAssertEqual(result.sigmas, sigmas)
        XCTAssertEqual(result.validationMeanLogLikelihoods.count, sigmas.count)
        let best = result.validationMeanLogLikelihoods.indices.max {
            result.validationMeanLogLikelihoods[$0] < result.validationMeanLogLikelihoods[$1]
        }!
        XCTAssertEqual(result.sigma, sigmas[best])
        let scores = ParzenWindow.logLikelihoods(samples: samples, points: test, dimension: 3,
                                                 sigmas: [result.sigma])[0]
        let (mean, standardError) = ParzenWindow.meanAndStandardError(scores)
        XCTAssertEqual(result.meanLogLikelihood, mean)
        XCTAssertEqual(result.standardError, standardError)
    }

    func testEachBandwidthsLogLikelihoodsComeBackInTheGridsOrder() {
        var random = RandomGenerator(seed: 44)
        let samples = EvaluationFixtures.normalRows(500, dimension: 2, random: &random)
        let points = EvaluationFixtures.normalRows(50, dimension: 2, random: &random)
        let sigmas = [0.5, 0.1, 1.0]
        let together = ParzenWindow.logLikelihoods(samples: samples, points: points, dimension: 2, sigmas: sigmas)
        for (index, sigma) in sigmas.enumerated() {
            let alone = ParzenWindow.logLikelihoods(samples: samples, points: points, dimension: 2, sigmas: [sigma])[0]
            XCTAssertEqual(together[index], alone)
        }
    }

    func testBlocksOfPointsGiveWhatEachPointGivesAlone() {
        // 5,000 samples make blocks of 838 points: 1,000 points span two blocks.
        var random = RandomGenerator(seed: 45)
        let samples = EvaluationFixtures.normalRows(5_000, dimension: 2, random: &random)
        let points = EvaluationFixtures.normalRows(1_000, dimension: 2, std: 2, random: &random)
        let blocked = ParzenWindow.logLikelihoods(samples: samples, points: points, dimension: 2, sigmas: [0.2])[0]
        for row in stride(from: 0, to: 1_000, by: 37) {
            let point = EvaluationFixtures.rows(points, row..<(row + 1), dimension: 2)
            let alone = ParzenWindow.logLikelihoods(samples: samples, points: point, dimension: 2, sigmas: [0.2])[0][0]
            XCTAssertEqual(blocked[row], alone, accuracy: 1e-4, "point \(row)")
        }
    }

    func testTheStandardErrorIsTheSampleStandardDeviationOverRootN() {
        let (mean, standardError) = ParzenWindow.meanAndStandardError([1, 2, 3, 4])
        XCTAssertEqual(mean, 2.5)
        XCTAssertEqual(standardError, (5.0 / 3).squareRoot() / 2, accuracy: 1e-12)
        XCTAssertTrue(ParzenWindow.meanAndStandardError([3]).standardError.isNaN)
    }

    func testLogspaceMatchesNumPy() {
        let values = ParzenWindow.logspace(from: -1, to: 0, count: 3)
        XCTAssertEqual(values.count, 3)
        XCTAssertEqual(values[0], 0.1, accuracy: 1e-15)
        XCTAssertEqual(values[1], 0.31622776601683794, accuracy: 1e-15)
        XCTAssertEqual(values[2], 1, accuracy: 1e-15)
        XCTAssertEqual(ParzenWindow.defaultSigmas.count, 10)
        XCTAssertEqual(ParzenWindow.logspace(from: 2, to: 5, count: 1), [100])
    }
}
