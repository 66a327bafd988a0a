import AAECore
import Foundation
import XCTest

final class EvaluationTSNETests: XCTestCase {
    /// `perBlob` points around each of `blobs` well-separated centres in `dimension` values,
    /// and the blob of each.
    private func blobs(_ blobs: Int, perBlob: Int, dimension: Int, seed: UInt64 = 7) -> (points: [Float], labels: [Int]) {
        var random = RandomGenerator(seed: seed, stream: 9)
        var points: [Float] = [], labels: [Int] = []
        for index in 0..<blobs * perBlob {
            let blob = index % blobs
            for j in 0..<dimension { points.append((j % blobs == blob ? 10 : 0) + random.normal(std: 0.5)) }
            labels.append(blob)
        }
        return (points, labels)
    }

    /// The share of points whose nearest other point in `embedding` has their label.
    private func nearestNeighbourAccuracy(_ embedding: [Float], labels: [Int]) -> Double {
        let count = labels.count
        var correct = 0
        for i in 0..<count {
            var best = Float.infinity, bestLabel = -1
            for j in 0..<count where j != i {
                let dx = embedding[2 * i] - embedding[2 * j], dy = embedding[2 * i + 1] - embedding[2 * j + 1]
                if dx * dx + dy * dy < best { (best, bestLabel) = (dx * dx + dy * dy, labels[j]) }
            }
            if bestLabel == labels[i] { correct += 1 }
        }
        return Double(correct) / Double(count)
    }

    func testWellSeparatedBlobsStaySeparatedInTheEmbedding() throws {
        let (points, labels) = blobs(4, perBlob: 60, dimension: 8)
        var random = RandomGenerator(seed: 1, stream: 2)
        let embedding = try XCTUnwrap(TSNE(perplexity: 20, iterations: 400).embed(points, dimension: 8, random: &random))
        XCTAssertEqual(embedding.count, 2 * labels.count)
        XCTAssertGreaterThan(nearestNeighbourAccuracy(embedding, labels: labels), 0.98)
        // Separated, not merely ordered: each blob's points are far closer to their own centre
        // than the blob centres are to each other.
        let centres = (0..<4).map { blob -> (Float, Float) in
            let members = labels.indices.filter { labels[$0] == blob }
            return (members.map { embedding[2 * $0] }.reduce(0, +) / Float(members.count),
                    members.map { embedding[2 * $0 + 1] }.reduce(0, +) / Float(members.count))
        }
        var spread: Float = 0
        for (index, label) in labels.enumerated() {
            let dx = embedding[2 * index] - centres[label].0, dy = embedding[2 * index + 1] - centres[label].1
            spread = max(spread, (dx * dx + dy * dy).squareRoot())
        }
        var gap = Float.infinity
        for a in 0..<4 {
            for b in (a + 1)..<4 {
                let dx = centres[a].0 - centres[b].0, dy = centres[a].1 - centres[b].1
                gap = min(gap, (dx * dx + dy * dy).squareRoot())
            }
        }
        XCTAssertGreaterThan(gap, 1.5 * spread, "closest centres \(gap) apart, widest blob radius \(spread)")
    }

    func testTheSameGeneratorGivesTheSameEmbeddingWhateverTheThreadCount() throws {
        let (points, _) = blobs(3, perBlob: 40, dimension: 5)
        func embed(workers: Int, seed: UInt64) throws -> [Float] {
            let pool = WorkerPool(threads: workers)
            defer { pool.shutDown() }
            var random = RandomGenerator(seed: seed, stream: 2)
            return try pool.bind {
                try XCTUnwrap(TSNE(perplexity: 10, iterations: 150).embed(points, dimension: 5, random: &random))
            }
        }
        let first = try embed(workers: 1, seed: 1)
        XCTAssertEqual(first, try embed(workers: 1, seed: 1))
        XCTAssertEqual(first, try embed(workers: 3, seed: 1))
        XCTAssertNotEqual(first, try embed(workers: 1, seed: 2))
    }

    func testAStopRequestEndsTheEmbeddingEarly() {
        let (points, _) = blobs(2, perBlob: 30, dimension: 4)
        var random = RandomGenerator(seed: 1, stream: 2)
        var asked = 0
        let embedding = TSNE(iterations: 1_000).embed(points, dimension: 4, random: &random) {
            asked += 1
            return asked > 5
        }
        XCTAssertNil(embedding)
        XCTAssertEqual(asked, 6, "asked before every iteration, and no more once told to stop")
    }

    func testAffinitiesAreSymmetricSumToOneAndMatchThePerplexity() {
        let (points, _) = blobs(3, perBlob: 30, dimension: 6)
        let count = 90
        let p = TSNE.affinities(TSNE.normalised(points, dimension: 6), dimension: 6, perplexity: 12)
        XCTAssertEqual(p.reduce(0.0) { $0 + Double($1) }, 1, accuracy: 1e-4)
        for i in 0..<count {
            XCTAssertEqual(p[i * count + i], 0)
            for j in 0..<count { XCTAssertEqual(p[i * count + j], p[j * count + i]) }
        }
        // Each point's conditional affinities have perplexity 12: exp of their entropy.
        let conditional = TSNE.conditionalAffinities(TSNE.normalised(points, dimension: 6), dimension: 6, perplexity: 12)
        for i in 0..<count {
            let row = conditional[i * count..<(i + 1) * count].map(Double.init)
            XCTAssertEqual(row.reduce(0, +), 1, accuracy: 1e-4)
            let entropy = -row.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
            XCTAssertEqual(exp(entropy), 12, accuracy: 0.05, "row \(i)")
        }
    }

    func testTinySetsAreEmbeddedWithoutFailing() throws {
        var random = RandomGenerator(seed: 1, stream: 2)
        XCTAssertEqual(TSNE().embed([1, 2, 3], dimension: 3, random: &random), [0, 0])
        let three = try XCTUnwrap(TSNE(perplexity: 30, iterations: 50).embed([0, 0, 1, 1, 5, 5], dimension: 2,
                                                                              random: &random))
        XCTAssertEqual(three.count, 6)
        XCTAssertTrue(three.allSatisfy(\.isFinite))
    }
}
