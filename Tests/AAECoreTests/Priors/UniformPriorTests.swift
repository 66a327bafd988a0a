import AAECore
import Foundation
import XCTest

final class UniformPriorTests: XCTestCase {
    private typealias Statistics = PriorSampleStatistics

    func testDefaultsAreMinusOneToOne() {
        let prior = UniformPrior(dimension: 3)
        XCTAssertEqual(prior.low, -1)
        XCTAssertEqual(prior.high, 1)
    }

    func testSamplesLieWithinTheBounds() {
        var random = RandomGenerator(seed: 21)
        let values = UniformPrior(dimension: 5, low: -2, high: 5).samples(rows: 4_000, random: &random)
        XCTAssertTrue(values.allSatisfy { $0 >= -2 && $0 < 5 })
        XCTAssertLessThan(values.min()!, -1.99)
        XCTAssertGreaterThan(values.max()!, 4.99)
    }

    func testSampleMomentsMatchTheUniform() {
        var random = RandomGenerator(seed: 22)
        let prior = UniformPrior(dimension: 2, low: -2, high: 5)
        let values = prior.samples(rows: 20_000, random: &random)
        for index in 0..<2 {
            let column = Statistics.column(values, dimension: 2, index: index)
            XCTAssertEqual(Statistics.mean(column), 1.5, accuracy: 0.05)
            XCTAssertEqual(Statistics.variance(column), 49.0 / 12, accuracy: 0.08)
        }
    }

    func testSamplesMatchTheMarginalCDF() {
        let prior = UniformPrior(dimension: 3, low: 0.5, high: 0.75)
        XCTAssertLessThan(Statistics.worstMarginalKS(prior, rows: 20_000, seed: 23), 0.015)
    }

    func testMarginalCDFIsTheClosedForm() {
        let prior = UniformPrior(dimension: 1, low: -2, high: 2)
        XCTAssertEqual(prior.marginalCDF(-3, dimension: 0), 0)
        XCTAssertEqual(prior.marginalCDF(-2, dimension: 0), 0)
        XCTAssertEqual(prior.marginalCDF(1, dimension: 0), 0.75)
        XCTAssertEqual(prior.marginalCDF(2, dimension: 0), 1)
        XCTAssertEqual(prior.marginalCDF(9, dimension: 0), 1)
    }

    func testTheSameSeedGivesTheSameSamples() {
        let prior = UniformPrior(dimension: 4)
        var a = RandomGenerator(seed: 24), b = RandomGenerator(seed: 24), c = RandomGenerator(seed: 25)
        let first = prior.samples(rows: 50, random: &a)
        XCTAssertEqual(first, prior.samples(rows: 50, random: &b))
        XCTAssertNotEqual(first, prior.samples(rows: 50, random: &c))
    }
}
