import AAECore
import Foundation
import XCTest

final class RandomGeneratorTests: XCTestCase {
    // MARK: - Reproducibility

    func testTheSameSeedAndStreamGiveTheSameSequence() {
        var a = RandomGenerator(seed: 1234, stream: 5), b = RandomGenerator(seed: 1234, stream: 5)
        for _ in 0..<1000 { XCTAssertEqual(a.nextUInt32(), b.nextUInt32()) }
        for _ in 0..<100 { XCTAssertEqual(a.nextNormal(), b.nextNormal()) }
        XCTAssertEqual(a, b)
    }

    func testDifferentStreamsOfOneSeedGiveDifferentSequences() {
        var a = RandomGenerator(seed: 1234, stream: 0), b = RandomGenerator(seed: 1234, stream: 1)
        let first = (0..<100).map { _ in a.nextUInt32() }, second = (0..<100).map { _ in b.nextUInt32() }
        XCTAssertNotEqual(first, second)
        // Not merely shifted copies of each other: few values in common.
        XCTAssertLessThan(Set(first).intersection(second).count, 3)
    }

    func testDifferentSeedsGiveDifferentSequences() {
        var a = RandomGenerator(seed: 1), b = RandomGenerator(seed: 2)
        XCTAssertNotEqual((0..<20).map { _ in a.nextUInt32() }, (0..<20).map { _ in b.nextUInt32() })
    }

    func testSeed42GivesThePinnedFirstValues() {
        // Pinned once: a change here changes every experiment's weights, data order and samples.
        var bits = RandomGenerator(seed: 42)
        XCTAssertEqual((0..<6).map { _ in bits.nextUInt32() },
                       [1662027041, 1669097796, 1911443431, 1974432408, 2371211020, 2723244058])
        var doubles = RandomGenerator(seed: 42)
        let expectedDoubles = [0.3869708258166483, 0.4450426044547251, 0.5520905881733761, 0.5682845029509465]
        for expected in expectedDoubles { XCTAssertEqual(doubles.nextDouble(), expected) }
        var normals = RandomGenerator(seed: 42)
        let expectedNormals = [-1.296634006012933, 0.466424916800351, -0.9912008006597902, -0.45343935326658247]
        for expected in expectedNormals { XCTAssertEqual(normals.nextNormal(), expected, accuracy: 1e-12) }
        var stream1 = RandomGenerator(seed: 42, stream: 1)
        XCTAssertEqual((0..<4).map { _ in stream1.nextUInt32() }, [126024673, 634316458, 1784664637, 3849006721])
        var integers = RandomGenerator(seed: 42)
        XCTAssertEqual((0..<6).map { _ in integers.nextInt(below: 10) }, [2, 4, 8, 4, 1, 4])
    }

    func testTheCoreMatchesTheReferencePCG32Output() {
        // pcg32_srandom(42, 54) from O'Neill's pcg-c-basic demo.
        let multiplier: UInt64 = 6_364_136_223_846_793_005
        let increment: UInt64 = (54 << 1) | 1
        var generator = RandomGenerator(state: (increment &+ 42) &* multiplier &+ increment, increment: increment)
        XCTAssertEqual((0..<6).map { _ in generator.nextUInt32() },
                       [0xa15c_02b7, 0x7b47_f409, 0xba1d_3330, 0x83d2_f293, 0xbfa4_784b, 0xcbed_606e])
    }

    func testRestoringSavedStateContinuesTheSequence() {
        var original = RandomGenerator(seed: 7, stream: 3)
        for _ in 0..<10 { _ = original.nextUInt32() }
        _ = original.nextNormal()   // leaves a spare normal pending
        var restored = RandomGenerator(state: original.state, increment: original.increment,
                                       spareNormal: original.spareNormal)
        XCTAssertEqual(restored, original)
        for _ in 0..<50 { XCTAssertEqual(restored.nextNormal(), original.nextNormal()) }
        for _ in 0..<50 { XCTAssertEqual(restored.nextUInt32(), original.nextUInt32()) }
    }

    // MARK: - Distributions

    func testUniformFloatsHaveTheMeanAndVarianceOfTheUnitInterval() {
        var random = RandomGenerator(seed: 99)
        let n = 100_000
        var sum = 0.0, sumOfSquares = 0.0
        for _ in 0..<n {
            let x = Double(random.nextFloat())
            XCTAssertTrue(x >= 0 && x < 1)
            sum += x
            sumOfSquares += x * x
        }
        let mean = sum / Double(n), variance = sumOfSquares / Double(n) - mean * mean
        XCTAssertEqual(mean, 0.5, accuracy: 0.005)            // σ of the mean ≈ 0.0009
        XCTAssertEqual(variance, 1.0 / 12, accuracy: 0.002)   // σ ≈ 0.0002
    }

    func testUniformDoublesAndRangesStayInBoundsWithTheRightMean() {
        var random = RandomGenerator(seed: 100)
        let n = 100_000
        var sumDouble = 0.0, sumRange = 0.0
        for _ in 0..<n {
            let d = random.nextDouble()
            XCTAssertTrue(d >= 0 && d < 1)
            sumDouble += d
            let u = random.uniform(-3, 5)
            XCTAssertTrue(u >= -3 && u < 5)
            sumRange += Double(u)
        }
        XCTAssertEqual(sumDouble / Double(n), 0.5, accuracy: 0.005)
        XCTAssertEqual(sumRange / Double(n), 1, accuracy: 0.04)
    }

    func testNormalSamplesHaveMeanZeroStandardDeviationOneAndPassAKolmogorovSmirnovTest() {
        var random = RandomGenerator(seed: 2718)
        let n = 100_000
        var samples = (0..<n).map { _ in random.nextNormal() }
        let mean = samples.reduce(0, +) / Double(n)
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        XCTAssertEqual(mean, 0, accuracy: 0.01)
        XCTAssertEqual(variance.squareRoot(), 1, accuracy: 0.01)
        samples.sort()
        var statistic = 0.0
        for (i, x) in samples.enumerated() {
            let cdf = 0.5 * erfc(-x / 2.0.squareRoot())
            statistic = max(statistic, Swift.abs(cdf - Double(i) / Double(n)), Swift.abs(Double(i + 1) / Double(n) - cdf))
        }
        XCTAssertLessThan(statistic, 0.01, "KS statistic")   // critical value at 1e-3 is ≈ 0.006
    }

    func testNormalWithMeanAndStdAndFillNormalAreScaled() {
        var random = RandomGenerator(seed: 5)
        let n = 50_000
        let samples = (0..<n).map { _ in Double(random.normal(mean: 3, std: 0.5)) }
        let mean = samples.reduce(0, +) / Double(n)
        let std = (samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)).squareRoot()
        XCTAssertEqual(mean, 3, accuracy: 0.01)
        XCTAssertEqual(std, 0.5, accuracy: 0.01)
        let tensor = Tensor(shape: [n])
        random.fillNormal(tensor.data, count: n, mean: -1, std: 2)
        let filled = tensor.scalars.map(Double.init)
        let filledMean = filled.reduce(0, +) / Double(n)
        XCTAssertEqual(filledMean, -1, accuracy: 0.04)
        XCTAssertEqual((filled.map { ($0 - filledMean) * ($0 - filledMean) }.reduce(0, +) / Double(n)).squareRoot(),
                       2, accuracy: 0.04)
    }

    func testNextIntBelowIsUniformOverItsRange() {
        var random = RandomGenerator(seed: 17)
        let bound = 7, n = 70_000
        var counts = [Int](repeating: 0, count: bound)
        for _ in 0..<n {
            let value = random.nextInt(below: bound)
            XCTAssertTrue((0..<bound).contains(value))
            counts[value] += 1
        }
        let expected = Double(n) / Double(bound)
        let chiSquared = counts.map { (Double($0) - expected) * (Double($0) - expected) / expected }.reduce(0, +)
        XCTAssertLessThan(chiSquared, 22.46, "χ² with 6 degrees of freedom, p = 0.001: \(counts)")
        XCTAssertEqual(random.nextInt(below: 1), 0)
    }

    func testNextIntBelowALargeBoundIsUnbiased() {
        // 3·2⁶¹ does not divide 2⁶⁴: a plain modulo would put 3/8, not 1/3, below bound/3.
        var random = RandomGenerator(seed: 18)
        let bound = 3 << 61
        let n = 30_000
        var low = 0
        for _ in 0..<n where random.nextInt(below: bound) < bound / 3 { low += 1 }
        XCTAssertEqual(Double(low) / Double(n), 1.0 / 3, accuracy: 0.015)
    }

    func testShuffleIsAPermutation() {
        var random = RandomGenerator(seed: 21)
        let original = Array(0..<100)
        var shuffled = original
        random.shuffle(&shuffled)
        XCTAssertEqual(shuffled.sorted(), original)
        XCTAssertNotEqual(shuffled, original)
        var again = original
        var same = RandomGenerator(seed: 21)
        same.shuffle(&again)
        XCTAssertEqual(again, shuffled, "the same seed shuffles the same way")
        var empty: [Int] = [], single = [1]
        random.shuffle(&empty)
        random.shuffle(&single)
        XCTAssertEqual(empty, [])
        XCTAssertEqual(single, [1])
    }

    func testShuffleReachesEveryPermutationOfThreeEvenly() {
        var random = RandomGenerator(seed: 22)
        var counts: [[Int]: Int] = [:]
        let n = 60_000
        for _ in 0..<n {
            var items = [0, 1, 2]
            random.shuffle(&items)
            counts[items, default: 0] += 1
        }
        XCTAssertEqual(counts.count, 6)
        for (permutation, count) in counts {
            XCTAssertEqual(Double(count) / Double(n), 1.0 / 6, accuracy: 0.01, "\(permutation)")
        }
    }
}
