import AAECore
import Foundation
import XCTest

final class GaussianMixturePriorTests: XCTestCase {
    private typealias Statistics = PriorSampleStatistics

    /// The component whose mean direction is nearest to the angle of `(x, y)`.
    private func nearestComponent(_ x: Float, _ y: Float, components: Int) -> Int {
        let step = 2 * Double.pi / Double(components)
        let index = Int((atan2(Double(y), Double(x)) / step).rounded())
        return (index % components + components) % components
    }

    func testDefaultsFollowThePaperLayout() {
        let prior = GaussianMixturePrior(dimension: 2)
        XCTAssertEqual(prior.componentCount, 10)
        XCTAssertEqual(prior.radius, 1.4)
        XCTAssertEqual(prior.radialStd, 0.5)
        XCTAssertEqual(prior.tangentialStd, 0.1)
    }

    func testMeansLieEvenlyOnACircleOfTheRadius() {
        let prior = GaussianMixturePrior(dimension: 3, components: 8, radius: 4)
        for component in 0..<8 {
            let mean = prior.mean(ofComponent: component)
            let angle = 2 * Float.pi * Float(component) / 8
            XCTAssertEqual(mean.count, 3)
            XCTAssertEqual(mean[0], 4 * cos(angle), accuracy: 1e-5)
            XCTAssertEqual(mean[1], 4 * sin(angle), accuracy: 1e-5)
            XCTAssertEqual(mean[2], 0)
        }
    }

    func testEachComponentReceivesAnEqualShareOfSamples() {
        let prior = GaussianMixturePrior(dimension: 2)
        var random = RandomGenerator(seed: 31)
        let values = prior.samples(rows: 20_000, random: &random)
        var counts = [Int](repeating: 0, count: 10)
        for row in 0..<20_000 {
            counts[nearestComponent(values[2 * row], values[2 * row + 1], components: 10)] += 1
        }
        for count in counts { XCTAssertEqual(Double(count), 2_000, accuracy: 200) }
    }

    func testLabelledSamplingPutsEachRowNearItsLabelsMean() {
        let prior = GaussianMixturePrior(dimension: 2)
        var random = RandomGenerator(seed: 32)
        let labels = (0..<10_000).map { Int32(($0 * 7) % 10) }
        let values = prior.samples(labels: labels, random: &random)
        var agreeing = 0
        for (row, label) in labels.enumerated() {
            let x = values[2 * row], y = values[2 * row + 1]
            if nearestComponent(x, y, components: 10) == Int(label) { agreeing += 1 }
            // Within five tangential standard deviations of the label's radial line.
            let angle = 2 * Float.pi * Float(label) / 10
            XCTAssertLessThan(abs(-x * sin(angle) + y * cos(angle)), 0.5)
        }
        // Only rows drawn near the origin, where the petals meet, can look nearer another component.
        XCTAssertGreaterThan(agreeing, 9_750)
        for component in 0..<10 {
            let rows = labels.indices.filter { labels[$0] == Int32(component) }
            let mean = prior.mean(ofComponent: component)
            let xs = rows.map { Double(values[2 * $0]) }, ys = rows.map { Double(values[2 * $0 + 1]) }
            XCTAssertEqual(Statistics.mean(xs), Double(mean[0]), accuracy: 0.05)
            XCTAssertEqual(Statistics.mean(ys), Double(mean[1]), accuracy: 0.05)
        }
    }

    func testComponentsAreElongatedAlongTheirRadialDirection() {
        let prior = GaussianMixturePrior(dimension: 2, components: 4, radius: 3, radialStd: 0.5, tangentialStd: 0.1)
        var random = RandomGenerator(seed: 33)
        // Component 1 sits on the positive y axis: radial is y, tangential is x.
        let values = prior.samples(labels: [Int32](repeating: 1, count: 10_000), random: &random)
        let xs = Statistics.column(values, dimension: 2, index: 0)
        let ys = Statistics.column(values, dimension: 2, index: 1)
        XCTAssertEqual(Statistics.variance(xs).squareRoot(), 0.1, accuracy: 0.005)
        XCTAssertEqual(Statistics.variance(ys).squareRoot(), 0.5, accuracy: 0.02)
        XCTAssertEqual(Statistics.mean(ys), 3, accuracy: 0.02)
    }

    func testSamplesMatchTheExactMarginalCDFs() {
        let paper = GaussianMixturePrior(dimension: 2)
        XCTAssertLessThan(Statistics.worstMarginalKS(paper, rows: 20_000, seed: 34), 0.015)
        let wide = GaussianMixturePrior(dimension: 3, components: 5, radius: 4, radialStd: 0.3, tangentialStd: 0.8)
        XCTAssertLessThan(Statistics.worstMarginalKS(wide, rows: 20_000, seed: 35), 0.015)
    }

    func testOneDimensionalCodesKeepTheFirstCoordinate() {
        let prior = GaussianMixturePrior(dimension: 1)
        XCTAssertLessThan(Statistics.worstMarginalKS(prior, rows: 20_000, seed: 36), 0.015)
    }

    func testTheSameSeedGivesTheSameSamples() {
        let prior = GaussianMixturePrior(dimension: 4)
        var a = RandomGenerator(seed: 37), b = RandomGenerator(seed: 37)
        XCTAssertEqual(prior.samples(rows: 64, random: &a), prior.samples(rows: 64, random: &b))
        let labels = (0..<64).map { Int32($0 % 10) }
        XCTAssertEqual(prior.samples(labels: labels, random: &a), prior.samples(labels: labels, random: &b))
    }
}
