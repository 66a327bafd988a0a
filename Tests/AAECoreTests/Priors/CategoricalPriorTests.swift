import AAECore
import Foundation
import XCTest

final class CategoricalPriorTests: XCTestCase {
    func testOneClassPerCodeDimension() {
        let prior = CategoricalPrior(classes: 7)
        XCTAssertEqual(prior.dimension, 7)
        XCTAssertEqual(prior.componentCount, 7)
    }

    func testSamplesAreOneHot() {
        var random = RandomGenerator(seed: 51)
        let values = CategoricalPrior(classes: 10).samples(rows: 2_000, random: &random)
        for row in 0..<2_000 {
            let code = values[(10 * row)..<(10 * row + 10)]
            XCTAssertEqual(code.filter { $0 == 1 }.count, 1)
            XCTAssertEqual(code.filter { $0 == 0 }.count, 9)
        }
    }

    func testClassFrequenciesAreUniform() {
        var random = RandomGenerator(seed: 52)
        let values = CategoricalPrior(classes: 10).samples(rows: 20_000, random: &random)
        var counts = [Double](repeating: 0, count: 10)
        for row in 0..<20_000 { counts[values[(10 * row)..<(10 * row + 10)].firstIndex(of: 1)! - 10 * row] += 1 }
        for count in counts { XCTAssertEqual(count, 2_000, accuracy: 150) }
        // Chi-squared with 9 degrees of freedom: its 99.9th percentile is 27.9.
        XCTAssertLessThan(counts.reduce(0) { $0 + ($1 - 2_000) * ($1 - 2_000) / 2_000 }, 27.9)
    }

    func testLabelledSamplingSetsTheGivenClass() {
        var random = RandomGenerator(seed: 53)
        let labels: [Int32] = [3, 0, 9, 3, 5]
        let values = CategoricalPrior(classes: 10).samples(labels: labels, random: &random)
        for (row, label) in labels.enumerated() {
            var expected = [Float](repeating: 0, count: 10)
            expected[Int(label)] = 1
            XCTAssertEqual(Array(values[(10 * row)..<(10 * row + 10)]), expected)
        }
    }

    func testMarginalCDFIsTheBernoulliStep() {
        let prior = CategoricalPrior(classes: 4)
        XCTAssertEqual(prior.marginalCDF(-0.1, dimension: 2), 0)
        XCTAssertEqual(prior.marginalCDF(0, dimension: 2), 0.75)
        XCTAssertEqual(prior.marginalCDF(0.5, dimension: 2), 0.75)
        XCTAssertEqual(prior.marginalCDF(1, dimension: 2), 1)
        XCTAssertEqual(prior.marginalCDF(3, dimension: 2), 1)
    }

    func testTheSameSeedGivesTheSameSamples() {
        let prior = CategoricalPrior(classes: 10)
        var a = RandomGenerator(seed: 54), b = RandomGenerator(seed: 54), c = RandomGenerator(seed: 55)
        let first = prior.samples(rows: 100, random: &a)
        XCTAssertEqual(first, prior.samples(rows: 100, random: &b))
        XCTAssertNotEqual(first, prior.samples(rows: 100, random: &c))
    }
}
