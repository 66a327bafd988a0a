import AAECore
import Foundation
import XCTest

final class StudentTPriorTests: XCTestCase {
    private typealias Statistics = PriorSampleStatistics

    func testIntegerDegreesOfFreedomSamplesMatchTheTCDF() {
        let prior = StudentTPrior(dimension: 2, degreesOfFreedom: 3)
        XCTAssertLessThan(Statistics.worstMarginalKS(prior, rows: 20_000, seed: 11), 0.015)
    }

    func testRealDegreesOfFreedomSamplesMatchTheTCDF() {
        // 2.5 takes the Marsaglia–Tsang path; 0.8 (gamma shape 0.4) also its boost for shapes below 1.
        for (seed, df) in [(12 as UInt64, 2.5), (13, 0.8)] {
            let prior = StudentTPrior(dimension: 1, degreesOfFreedom: df, scale: 2)
            XCTAssertLessThan(Statistics.worstMarginalKS(prior, rows: 20_000, seed: seed), 0.015, "df \(df)")
        }
    }

    func testLargeDegreesOfFreedomGiveNearlyNormalSamples() {
        let prior = StudentTPrior(dimension: 1, degreesOfFreedom: 1000)
        var random = RandomGenerator(seed: 14)
        let values = prior.samples(rows: 20_000, random: &random).map(Double.init)
        XCTAssertEqual(Statistics.mean(values), 0, accuracy: 0.03)
        XCTAssertEqual(Statistics.variance(values), 1, accuracy: 0.04)
        XCTAssertLessThan(Statistics.kolmogorovSmirnov(values) { SpecialFunctions.normalCDF($0) }, 0.015)
    }

    func testThreeDegreesOfFreedomHaveHeavierTailsThanTheNormal() {
        var random = RandomGenerator(seed: 15)
        let t = StudentTPrior(dimension: 1, degreesOfFreedom: 3).samples(rows: 20_000, random: &random)
        let normal = NormalPrior(dimension: 1).samples(rows: 20_000, random: &random)
        let tailOfT = Double(t.filter { abs($0) > 3 }.count) / 20_000
        let tailOfNormal = Double(normal.filter { abs($0) > 3 }.count) / 20_000
        // Exact: 5.77 % for t(3), 0.27 % for the normal.
        XCTAssertGreaterThan(tailOfT, 0.045)
        XCTAssertLessThan(tailOfNormal, 0.006)
    }

    func testScaleMultipliesTheStandardSamples() {
        var a = RandomGenerator(seed: 16), b = RandomGenerator(seed: 16)
        let standard = StudentTPrior(dimension: 3, degreesOfFreedom: 4.5).samples(rows: 100, random: &a)
        let scaled = StudentTPrior(dimension: 3, degreesOfFreedom: 4.5, scale: 2).samples(rows: 100, random: &b)
        XCTAssertEqual(scaled, standard.map { 2 * $0 })
    }

    func testMarginalCDFIsTheScaledTCDF() {
        let prior = StudentTPrior(dimension: 2, degreesOfFreedom: 1, scale: 2)
        XCTAssertEqual(prior.marginalCDF(2, dimension: 1)!, 0.75, accuracy: 1e-13)
        XCTAssertEqual(prior.marginalCDF(0, dimension: 0)!, 0.5, accuracy: 1e-15)
    }

    func testTheSameSeedGivesTheSameSamples() {
        for df in [3.0, 2.5] {
            let prior = StudentTPrior(dimension: 4, degreesOfFreedom: df)
            var a = RandomGenerator(seed: 17, stream: 2), b = RandomGenerator(seed: 17, stream: 2)
            XCTAssertEqual(prior.samples(rows: 50, random: &a), prior.samples(rows: 50, random: &b))
            var c = RandomGenerator(seed: 18, stream: 2)
            XCTAssertNotEqual(prior.samples(rows: 50, random: &a), prior.samples(rows: 50, random: &c))
        }
    }
}
