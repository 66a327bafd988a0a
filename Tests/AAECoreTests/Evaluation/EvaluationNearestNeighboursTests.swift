import AAECore
import XCTest

final class EvaluationNearestNeighboursTests: XCTestCase {
    func testWellSeparatedBlobsAreClassifiedPerfectly() {
        var random = RandomGenerator(seed: 20)
        // Centres on the axes, 12 or 24 from the origin: at least 12 apart, with noise of 1.
        let centres: [[Float]] = (0..<10).map { label in
            let axis = label % 8, radius = Float(12 * (1 + label / 8))
            return (0..<8).map { $0 == axis ? radius : 0 }
        }
        let train = EvaluationFixtures.blobs(centres: centres, perClass: 200, std: 1, random: &random)
        let test = EvaluationFixtures.blobs(centres: centres, perClass: 50, std: 1, random: &random)
        let accuracy = NearestNeighbours.accuracy(queries: test.codes, queryLabels: test.labels,
                                                  references: train.codes, referenceLabels: train.labels, dimension: 8)
        XCTAssertEqual(accuracy, 1)
    }

    func testRandomLabelsGiveAboutChanceAccuracy() {
        var random = RandomGenerator(seed: 21)
        let references = EvaluationFixtures.normalRows(8_000, dimension: 8, random: &random)
        let queries = EvaluationFixtures.normalRows(2_000, dimension: 8, random: &random)
        let referenceLabels = (0..<8_000).map { _ in random.nextInt(below: 10) }
        let queryLabels = (0..<2_000).map { _ in random.nextInt(below: 10) }
        let accuracy = NearestNeighbours.accuracy(queries: queries, queryLabels: queryLabels, references: references,
                                                  referenceLabels: referenceLabels, dimension: 8)
        XCTAssertEqual(accuracy, 0.1, accuracy: 0.03)
    }

    func testOneNeighbourGivesTheLabelOfTheNearestReference() {
        let references: [Float] = [0, 0, 10, 0, 0, 10]
        let predicted = NearestNeighbours.classify(queries: [9, 1, 1, 8, -1, -1], references: references,
                                                   referenceLabels: ["origin", "right", "up"], dimension: 2, k: 1)
        XCTAssertEqual(predicted, ["right", "up", "origin"])
    }

    func testTheMajorityOfTheKNeighboursWins() {
        let predicted = NearestNeighbours.classify(queries: [0], references: [1, 2, 3], referenceLabels: [0, 1, 1],
                                                   dimension: 1, k: 3)
        XCTAssertEqual(predicted, [1])
    }

    func testATieInVotesGoesToTheNearestNeighboursLabel() {
        let references: [Float] = [1, 2, 3, 4]
        XCTAssertEqual(NearestNeighbours.classify(queries: [0], references: references, referenceLabels: [7, 3, 3, 7],
                                                  dimension: 1, k: 4), [7])
        XCTAssertEqual(NearestNeighbours.classify(queries: [0], references: references, referenceLabels: [3, 7, 7, 3],
                                                  dimension: 1, k: 4), [3])
        XCTAssertEqual(NearestNeighbours.classify(queries: [5], references: references, referenceLabels: [3, 7, 7, 3],
                                                  dimension: 1, k: 2), [3])
    }

    func testReferencesAtEqualDistancesAreTakenInIndexOrder() {
        let indices = NearestNeighbours.indices(queries: [0], references: [1, -1, 1, -1, 5], dimension: 1, k: 3)
        XCTAssertEqual(indices, [0, 1, 2])
    }

    func testKBeyondTheReferenceCountUsesEveryReference() {
        let indices = NearestNeighbours.indices(queries: [0, 10], references: [9, 1], dimension: 1, k: 5)
        XCTAssertEqual(indices, [1, 0, 0, 1])
        let predicted = NearestNeighbours.classify(queries: [0, 10], references: [9, 1], referenceLabels: [4, 2],
                                                   dimension: 1, k: 5)
        XCTAssertEqual(predicted, [2, 4])
    }

    func testInt32LabelsAreClassifiedLikeInts() {
        var random = RandomGenerator(seed: 22)
        let references = EvaluationFixtures.normalRows(300, dimension: 3, random: &random)
        let queries = EvaluationFixtures.normalRows(100, dimension: 3, random: &random)
        let labels = (0..<300).map { _ in random.nextInt(below: 4) }
        let asInt = NearestNeighbours.classify(queries: queries, references: references, referenceLabels: labels,
                                               dimension: 3)
        let asInt32 = NearestNeighbours.classify(queries: queries, references: references,
                                                 referenceLabels: labels.map(Int32.init), dimension: 3)
        XCTAssertEqual(asInt32.map(Int.init), asInt)
    }

    func testBlockedSearchFindsTheSameNeighboursAsBruteForce() {
        // 3,000 references make blocks of 1,398 queries: 1,500 queries span two blocks.
        var random = RandomGenerator(seed: 23)
        let dimension = 16, queryCount = 1_500, referenceCount = 3_000, k = 3
        let references = EvaluationFixtures.normalRows(referenceCount, dimension: dimension, random: &random)
        let queries = EvaluationFixtures.normalRows(queryCount, dimension: dimension, random: &random)
        let found = NearestNeighbours.indices(queries: queries, references: references, dimension: dimension, k: k)
        XCTAssertEqual(found.count, queryCount * k)
        func distance(_ query: Int, _ reference: Int) -> Double {
            (0..<dimension).reduce(0.0) { sum, j in
                let difference = Double(queries[query * dimension + j]) - Double(references[reference * dimension + j])
                return sum + difference * difference
            }
        }
        for query in 0..<queryCount {
            let exact = (0..<referenceCount).map { (distance(query, $0), $0) }.sorted { $0 < $1 }.prefix(k)
            for (position, (exactDistance, _)) in exact.enumerated() {
                let foundDistance = distance(query, Int(found[query * k + position]))
                XCTAssertEqual(foundDistance, exactDistance, accuracy: 1e-4 * exactDistance + 1e-5,
                               "query \(query), neighbour \(position)")
            }
        }
    }
}
