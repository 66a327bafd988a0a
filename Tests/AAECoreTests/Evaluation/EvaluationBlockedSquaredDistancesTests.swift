import AAECore
import XCTest

/// The blocked distance loop visits every query row once, in order, in blocks
/// that fit the capacity, with the distances `SquaredDistances.matrix` gives.
final class EvaluationBlockedSquaredDistancesTests: XCTestCase {
    private func blocks(queries: [Float], references: [Float], dimension: Int,
                        capacity: Int) -> [(start: Int, rows: Int, distances: [Float])] {
        var visited: [(start: Int, rows: Int, distances: [Float])] = []
        let referenceCount = references.count / dimension
        queries.withUnsafeBufferPointer { q in
            references.withUnsafeBufferPointer { r in
                BlockedSquaredDistances.forEachBlock(
                    queries: q.baseAddress!, queryCount: queries.count / dimension, references: r.baseAddress!,
                    referenceCount: referenceCount, dimension: dimension, capacity: capacity
                ) { start, rows, distances in
                    visited.append((start, rows, Array(UnsafeBufferPointer(start: distances, count: rows * referenceCount))))
                }
            }
        }
        return visited
    }

    private func assertClose(_ actual: [Float], _ expected: [Float], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, file: file, line: line)
        for (a, e) in zip(actual, expected) { XCTAssertEqual(a, e, accuracy: 1e-5, file: file, line: line) }
    }

    func testBlocksCoverEveryQueryInOrderWithTheMatrixDistances() {
        var random = RandomGenerator(seed: 51)
        let queries = EvaluationFixtures.normalRows(5, dimension: 3, random: &random)
        let references = EvaluationFixtures.normalRows(4, dimension: 3, random: &random)
        let matrix = SquaredDistances.matrix(queries, references, dimension: 3)
        let visited = blocks(queries: queries, references: references, dimension: 3, capacity: 9)
        XCTAssertEqual(visited.map(\.start), [0, 2, 4])
        XCTAssertEqual(visited.map(\.rows), [2, 2, 1])
        assertClose(visited.flatMap(\.distances), matrix)
    }

    func testABlockHoldsOneRowWhenACapacityIsSmallerThanARow() {
        var random = RandomGenerator(seed: 52)
        let queries = EvaluationFixtures.normalRows(3, dimension: 2, random: &random)
        let references = EvaluationFixtures.normalRows(6, dimension: 2, random: &random)
        let visited = blocks(queries: queries, references: references, dimension: 2, capacity: 1)
        XCTAssertEqual(visited.map(\.rows), [1, 1, 1])
        assertClose(visited.flatMap(\.distances), SquaredDistances.matrix(queries, references, dimension: 2))
    }

    func testTheDefaultCapacityTakesEveryQueryInOneBlockWhenTheyFit() {
        var random = RandomGenerator(seed: 53)
        let queries = EvaluationFixtures.normalRows(7, dimension: 2, random: &random)
        let references = EvaluationFixtures.normalRows(5, dimension: 2, random: &random)
        let visited = blocks(queries: queries, references: references, dimension: 2,
                             capacity: BlockedSquaredDistances.defaultCapacity)
        XCTAssertEqual(visited.map(\.rows), [7])
    }
}
