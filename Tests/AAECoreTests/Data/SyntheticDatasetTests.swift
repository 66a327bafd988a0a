import AAECore
import Foundation
import XCTest

/// The synthetic sets: the same seed gives the same points, and each has the
/// documented shape (one row of features per example) and labels.
final class SyntheticDatasetTests: XCTestCase {
    private func split(_ dataset: SyntheticDataset, seed: UInt64 = 7, train: Int = 90, test: Int = 30) -> DataSplit {
        var random = RandomGenerator(seed: seed, stream: 3)
        return dataset.split(trainCount: train, testCount: test, random: &random, name: "set")
    }

    private func blobs(seed: UInt64, classes: Int = 3, features: Int = 4, std: Float = 0.5) -> DataSplit {
        var random = RandomGenerator(seed: seed, stream: 3)
        let dataset = SyntheticBlobs(classes: classes, features: features, std: std, random: &random)
        return dataset.split(trainCount: 90, testCount: 30, random: &random, name: "blobs")
    }

    private func assertShape(_ split: DataSplit, features: Int, classes: Int,
                             file: StaticString = #filePath, line: UInt = #line) {
        for (set, count) in [(split.train, 90), (split.test, 30)] {
            XCTAssertEqual(set.count, count, file: file, line: line)
            XCTAssertEqual(set.rows, 1, file: file, line: line)
            XCTAssertEqual(set.cols, features, file: file, line: line)
            XCTAssertEqual(set.pixels.count, count * features, file: file, line: line)
            XCTAssertEqual(set.labels, (0..<count).map { Int32($0 % classes) }, file: file, line: line)
        }
    }

    private func point(_ set: LabeledImages, _ index: Int) -> [Float] {
        Array(set.pixels[index * set.featureCount..<(index + 1) * set.featureCount])
    }

    func testEverySetIsTheSameForASeedAndDiffersForAnother() {
        let makers: [(UInt64) -> DataSplit] = [
            { self.blobs(seed: $0) },
            { self.split(SyntheticSwissRoll(features: 3, segments: 5, noise: 0.1), seed: $0) },
            { self.split(SyntheticMoons(noise: 0.1), seed: $0) },
        ]
        for make in makers {
            let first = make(7), again = make(7), other = make(8)
            XCTAssertEqual(first.train.pixels, again.train.pixels)
            XCTAssertEqual(first.test.pixels, again.test.pixels)
            XCTAssertEqual(first.train.labels, again.train.labels)
            XCTAssertNotEqual(first.train.pixels, other.train.pixels)
            XCTAssertNotEqual(first.train.pixels, first.test.pixels.prefix(first.train.pixels.count).map { $0 })
        }
    }

    func testBlobsAreOneRowOfFeaturesPerExampleAroundTheirClassCentre() {
        var random = RandomGenerator(seed: 7, stream: 3)
        let dataset = SyntheticBlobs(classes: 3, features: 4, std: 0.5, random: &random)
        let data = dataset.split(trainCount: 90, testCount: 30, random: &random, name: "blobs")
        assertShape(data, features: 4, classes: 3)
        XCTAssertTrue(dataset.centers.allSatisfy { SyntheticBlobs.centerBox.contains($0) })
        for index in 0..<data.train.count {
            let label = Int(data.train.labels[index])
            let centre = Array(dataset.centers[label * 4..<(label + 1) * 4])
            let distance = zip(point(data.train, index), centre).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            XCTAssertLessThan(distance, 0.5 * 6, "example \(index) is far from its centre")
        }
    }

    func testSwissRollPointsLieOnTheRollInTheirLabelsSegment() {
        for features in [2, 3] {
            let data = split(SyntheticSwissRoll(features: features, segments: 5, noise: 0))
            assertShape(data, features: features, classes: 5)
            let range = SyntheticSwissRoll.positions
            let width = (range.upperBound - range.lowerBound) / 5
            for index in 0..<data.train.count {
                let p = point(data.train, index).map(Double.init)
                let (x, z) = (p[0], p[features - 1])
                let t = (x * x + z * z).squareRoot()
                XCTAssertEqual(x, t * cos(t), accuracy: 1e-4)
                XCTAssertEqual(z, t * sin(t), accuracy: 1e-4)
                let segment = Int((t - range.lowerBound) / width)
                XCTAssertEqual(min(segment, 4), Int(data.train.labels[index]), "t = \(t)")
                if features == 3 { XCTAssertTrue((0...SyntheticSwissRoll.height).contains(p[1])) }
            }
        }
    }

    func testMoonsAreTwoInterleavingHalfCircles() {
        let data = split(SyntheticMoons(noise: 0))
        assertShape(data, features: 2, classes: 2)
        for index in 0..<data.train.count {
            let p = point(data.train, index)
            if data.train.labels[index] == 0 {
                XCTAssertEqual(p[0] * p[0] + p[1] * p[1], 1, accuracy: 1e-5)
                XCTAssertGreaterThanOrEqual(p[1], 0)
            } else {
                XCTAssertEqual((p[0] - 1) * (p[0] - 1) + (p[1] - 0.5) * (p[1] - 0.5), 1, accuracy: 1e-5)
                XCTAssertLessThanOrEqual(p[1], 0.5)
            }
        }
    }

    func testNoiseSpreadsTheMoonsAroundTheirCircles() {
        let data = split(SyntheticMoons(noise: 0.2), train: 90, test: 30)
        let offsets = (0..<data.train.count).filter { data.train.labels[$0] == 0 }.map { index -> Float in
            let p = point(data.train, index)
            return (p[0] * p[0] + p[1] * p[1]).squareRoot() - 1
        }
        let spread = (offsets.map { $0 * $0 }.reduce(0, +) / Float(offsets.count)).squareRoot()
        XCTAssertEqual(spread, 0.2, accuracy: 0.1)
    }

    func testLabelCountsAreKnownWithoutGenerating() {
        XCTAssertEqual(SyntheticLabels.counts(examples: 10, classes: 3), [4, 3, 3])
        XCTAssertEqual(SyntheticLabels.counts(examples: 2, classes: 3), [1, 1, 0])
        let labels = split(SyntheticSwissRoll(features: 2, segments: 4, noise: 0), train: 90, test: 30).train.labels
        XCTAssertEqual((0..<4).map { label in labels.filter { $0 == label }.count },
                       SyntheticLabels.counts(examples: 90, classes: 4))
    }
}
