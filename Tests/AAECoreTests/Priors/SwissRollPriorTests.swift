import AAECore
import Foundation
import XCTest

final class SwissRollPriorTests: XCTestCase {
    private typealias Statistics = PriorSampleStatistics

    /// The distance from `(x, y)` to the nearest of `points` along the roll.
    private func distanceToRoll(_ x: Float, _ y: Float, points: [(x: Double, y: Double)]) -> Double {
        points.map { hypot($0.x - Double(x), $0.y - Double(y)) }.min()!
    }

    func testDefaultsFollowTheReimplementations() {
        let prior = SwissRollPrior(dimension: 2)
        XCTAssertEqual(prior.componentCount, 10)
        XCTAssertEqual(prior.scale, 3)
        XCTAssertEqual(prior.turns, 2)
        XCTAssertEqual(prior.noise, 0.05)
        XCTAssertNil(prior.marginalCDF(0, dimension: 0))
    }

    func testNoiselessSamplesLieExactlyOnTheSpiral() {
        let prior = SwissRollPrior(dimension: 2, noise: 0)
        var random = RandomGenerator(seed: 41)
        let values = prior.samples(rows: 5_000, random: &random)
        for row in 0..<5_000 {
            let x = Double(values[2 * row]), y = Double(values[2 * row + 1])
            let s = hypot(x, y) / 3
            let point = prior.spiralPoint(at: s * s)
            XCTAssertEqual(point.x, x, accuracy: 1e-5)
            XCTAssertEqual(point.y, y, accuracy: 1e-5)
        }
    }

    func testNoisySamplesLieNearTheSpiral() {
        let prior = SwissRollPrior(dimension: 2)
        let curve = (0...4_000).map { prior.spiralPoint(at: Double($0) / 4_000) }
        var random = RandomGenerator(seed: 42)
        let values = prior.samples(rows: 1_000, random: &random)
        let distances = (0..<1_000).map { distanceToRoll(values[2 * $0], values[2 * $0 + 1], points: curve) }
        XCTAssertLessThan(distances.max()!, 0.25)
        XCTAssertLessThan(Statistics.mean(distances), 0.07)
    }

    func testPositionsAlongTheRollAreUniform() {
        let prior = SwissRollPrior(dimension: 2, noise: 0)
        var random = RandomGenerator(seed: 43)
        let values = prior.samples(rows: 20_000, random: &random)
        let positions = (0..<20_000).map { row -> Double in
            let s = hypot(Double(values[2 * row]), Double(values[2 * row + 1])) / 3
            return s * s
        }
        XCTAssertLessThan(Statistics.kolmogorovSmirnov(positions) { min(max($0, 0), 1) }, 0.015)
    }

    func testLabelledSegmentsAreOrderedByRadius() {
        let prior = SwissRollPrior(dimension: 2, noise: 0)
        var random = RandomGenerator(seed: 44)
        let labels = (0..<10_000).map { Int32($0 % 10) }
        let values = prior.samples(labels: labels, random: &random)
        var radii = [[Double]](repeating: [], count: 10)
        for (row, label) in labels.enumerated() {
            radii[Int(label)].append(hypot(Double(values[2 * row]), Double(values[2 * row + 1])))
        }
        for segment in 0..<10 {
            let inner = 3 * (Double(segment) / 10).squareRoot(), outer = 3 * (Double(segment + 1) / 10).squareRoot()
            XCTAssertGreaterThanOrEqual(radii[segment].min()!, inner - 1e-5)
            XCTAssertLessThanOrEqual(radii[segment].max()!, outer + 1e-5)
            if segment > 0 { XCTAssertGreaterThan(radii[segment].min()!, radii[segment - 1].max()! - 1e-5) }
        }
    }

    func testExtraDimensionsCarryOnlyNoise() {
        let prior = SwissRollPrior(dimension: 4, noise: 0.1)
        var random = RandomGenerator(seed: 45)
        let values = prior.samples(rows: 20_000, random: &random)
        for index in 2..<4 {
            let column = Statistics.column(values, dimension: 4, index: index)
            XCTAssertEqual(Statistics.mean(column), 0, accuracy: 0.004)
            XCTAssertEqual(Statistics.variance(column).squareRoot(), 0.1, accuracy: 0.003)
        }
    }

    func testTheSameSeedGivesTheSameSamples() {
        let prior = SwissRollPrior(dimension: 2)
        var a = RandomGenerator(seed: 46), b = RandomGenerator(seed: 46)
        XCTAssertEqual(prior.samples(rows: 64, random: &a), prior.samples(rows: 64, random: &b))
        let labels = (0..<64).map { Int32($0 % 10) }
        XCTAssertEqual(prior.samples(labels: labels, random: &a), prior.samples(labels: labels, random: &b))
    }
}
