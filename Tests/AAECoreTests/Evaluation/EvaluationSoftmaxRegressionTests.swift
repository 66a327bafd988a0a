import AAECore
import Foundation
import XCTest

final class EvaluationSoftmaxRegressionTests: XCTestCase {
    func testLinearlySeparableBlobsAreClassifiedAlmostPerfectly() {
        var random = RandomGenerator(seed: 30)
        let centres = EvaluationFixtures.centres(10, dimension: 8, spread: 10, random: &random)
        let train = EvaluationFixtures.blobs(centres: centres, perClass: 800, std: 0.5, random: &random)
        let test = EvaluationFixtures.blobs(centres: centres, perClass: 200, std: 0.5, random: &random)
        let accuracy = SoftmaxRegression.accuracy(trainCodes: train.codes, trainLabels: train.labels,
                                                  testCodes: test.codes, testLabels: test.labels, dimension: 8,
                                                  random: &random)
        XCTAssertGreaterThanOrEqual(accuracy, 0.99)
    }

    func testThreeOverlappingClassesReachTheBayesAccuracy() {
        // Equal isotropic Gaussians: the Bayes classifier picks the nearest centre and is linear.
        var random = RandomGenerator(seed: 31)
        let centres: [[Float]] = [[0, 0], [1.5, 0], [0.75, 1.3]]
        let train = EvaluationFixtures.blobs(centres: centres, perClass: 2_000, std: 1, random: &random)
        let test = EvaluationFixtures.blobs(centres: centres, perClass: 2_000, std: 1, random: &random)
        let model = SoftmaxRegression(codes: train.codes, labels: train.labels, dimension: 2, random: &random)
        let accuracy = model.accuracy(codes: test.codes, labels: test.labels)
        let bayes = (0..<test.labels.count).filter { row in
            let point = (test.codes[2 * row], test.codes[2 * row + 1])
            let nearest = centres.indices.min { a, b in
                let da = pow(point.0 - centres[a][0], 2) + pow(point.1 - centres[a][1], 2)
                let db = pow(point.0 - centres[b][0], 2) + pow(point.1 - centres[b][1], 2)
                return da < db
            }!
            return nearest == test.labels[row]
        }.count
        let bayesAccuracy = Double(bayes) / Double(test.labels.count)
        XCTAssertGreaterThan(accuracy, 0.5)
        XCTAssertLessThan(accuracy, 0.9)
        XCTAssertEqual(accuracy, bayesAccuracy, accuracy: 0.02)
    }

    func testTrainingLowersTheLossFarBelowTheUniformGuess() {
        var random = RandomGenerator(seed: 32)
        let centres = EvaluationFixtures.centres(4, dimension: 3, spread: 5, random: &random)
        let train = EvaluationFixtures.blobs(centres: centres, perClass: 200, std: 0.3, random: &random)
        let untrained = SoftmaxRegression(codes: train.codes, labels: train.labels, dimension: 3,
                                          configuration: .init(iterations: 0), random: &random)
        XCTAssertEqual(untrained.finalLoss, log(4), accuracy: 1e-6)
        let trained = SoftmaxRegression(codes: train.codes, labels: train.labels, dimension: 3, random: &random)
        XCTAssertLessThan(trained.finalLoss, 0.1)
    }

    func testMinibatchTrainingIsDeterministicGivenTheGenerator() {
        var random = RandomGenerator(seed: 33)
        let centres: [[Float]] = [[0, 0], [1, 0], [0, 1]]
        let train = EvaluationFixtures.blobs(centres: centres, perClass: 300, std: 0.7, random: &random)
        let configuration = SoftmaxRegression.Configuration(iterations: 100, batchSize: 64)
        var first = RandomGenerator(seed: 7), second = RandomGenerator(seed: 7), other = RandomGenerator(seed: 8)
        let a = SoftmaxRegression(codes: train.codes, labels: train.labels, dimension: 2,
                                  configuration: configuration, random: &first)
        let b = SoftmaxRegression(codes: train.codes, labels: train.labels, dimension: 2,
                                  configuration: configuration, random: &second)
        let c = SoftmaxRegression(codes: train.codes, labels: train.labels, dimension: 2,
                                  configuration: configuration, random: &other)
        XCTAssertEqual(a.weights, b.weights)
        XCTAssertEqual(a.bias, b.bias)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(a.weights, c.weights)
        XCTAssertGreaterThan(a.accuracy(codes: train.codes, labels: train.labels), 0.6)
    }

    func testRescalingAndShiftingTheCodesDoesNotChangeTheAccuracy() {
        var random = RandomGenerator(seed: 34)
        let centres = EvaluationFixtures.centres(5, dimension: 4, spread: 2, random: &random)
        let train = EvaluationFixtures.blobs(centres: centres, perClass: 400, std: 1, random: &random)
        let test = EvaluationFixtures.blobs(centres: centres, perClass: 400, std: 1, random: &random)
        let transform = { (codes: [Float]) in codes.enumerated().map { $1 * Float(10 + 990 * ($0 % 4)) + 50 } }
        var r1 = RandomGenerator(seed: 1), r2 = RandomGenerator(seed: 1)
        let plain = SoftmaxRegression.accuracy(trainCodes: train.codes, trainLabels: train.labels,
                                               testCodes: test.codes, testLabels: test.labels, dimension: 4,
                                               random: &r1)
        let scaled = SoftmaxRegression.accuracy(trainCodes: transform(train.codes), trainLabels: train.labels,
                                                testCodes: transform(test.codes), testLabels: test.labels,
                                                dimension: 4, random: &r2)
        XCTAssertEqual(plain, scaled, accuracy: 0.005)
    }

    func testAConstantDimensionIsHarmless() {
        var random = RandomGenerator(seed: 35)
        let train = EvaluationFixtures.blobs(centres: [[-3, 7], [3, 7]], perClass: 200, std: 1, random: &random)
        var codes = train.codes
        for row in 0..<400 { codes[2 * row + 1] = 7 }
        let model = SoftmaxRegression(codes: codes, labels: train.labels.map(Int32.init), dimension: 2, random: &random)
        XCTAssertEqual(model.inverseStandardDeviation[1], 1)
        XCTAssertTrue(model.weights.allSatisfy(\.isFinite))
        XCTAssertGreaterThan(model.accuracy(codes: codes, labels: train.labels), 0.99)
    }

    func testPredictionsAreTheLargestLogits() {
        var random = RandomGenerator(seed: 36)
        let centres = EvaluationFixtures.centres(3, dimension: 2, spread: 2, random: &random)
        let train = EvaluationFixtures.blobs(centres: centres, perClass: 100, std: 1, random: &random)
        let model = SoftmaxRegression(codes: train.codes, labels: train.labels, dimension: 2, classCount: 5,
                                      random: &random)
        let logits = model.logits(codes: train.codes)
        XCTAssertEqual(logits.count, 300 * 5)
        let predicted = model.predict(codes: train.codes)
        for row in 0..<300 {
            let scores = logits[(row * 5)..<(row * 5 + 5)]
            XCTAssertEqual(predicted[row], scores.firstIndex(of: scores.max()!)! - row * 5)
        }
        XCTAssertFalse(predicted.contains { $0 >= 3 })
    }
}
