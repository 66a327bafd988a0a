import AAECore
import Foundation
import XCTest

final class MNISTTests: XCTestCase {
    private var fixtures: IDXFixtures!

    override func setUpWithError() throws {
        fixtures = try IDXFixtures()
    }

    override func tearDown() {
        fixtures.removeAll()
    }

    private func digits(_ count: Int, offset: Int = 0) -> [UInt8] {
        (0..<count).map { UInt8(($0 + offset) % 10) }
    }

    private func message(_ error: DataError?) -> String {
        error.map(String.init(describing:)) ?? ""
    }

    func testTestSetAloneTrainsOnTheFirst8000AndHoldsOutTheLast2000() throws {
        let labels = digits(10_000, offset: 3)
        try fixtures.writePair(baseName: "t10k", rows: 2, cols: 2, labels: labels, gzip: true)

        let split = try MNIST.load(directory: fixtures.directory, scale: .unit)

        XCTAssertEqual(split.description, "MNIST test set only: first 8000 train / last 2000 held out (t10k)")
        XCTAssertEqual(split.train.count, 8_000)
        XCTAssertEqual(split.test.count, 2_000)
        XCTAssertEqual(split.train.labels, labels[..<8_000].map(Int32.init))
        XCTAssertEqual(split.test.labels, labels[8_000...].map(Int32.init))
        let pixels = PixelScale.unit.values(IDXFixtures.patternPixels(count: 10_000, rows: 2, cols: 2))
        XCTAssertEqual(split.train.pixels, Array(pixels[..<32_000]))
        XCTAssertEqual(split.test.pixels, Array(pixels[32_000...]))
    }

    func testTestSetAloneMustHoldTenThousandImages() throws {
        try fixtures.writePair(baseName: "t10k", rows: 2, cols: 2, labels: digits(50), gzip: true)
        let error = assertThrowsDataError(try MNIST.load(directory: fixtures.directory, scale: .unit))
        XCTAssertTrue(message(error).contains("t10k-images-idx3-ubyte.gz"), message(error))
        XCTAssertTrue(message(error).contains("found 50 images"), message(error))
    }

    func testAllFourFilesGiveTheOfficialSplit() throws {
        try fixtures.writePair(baseName: "train", rows: 3, cols: 2, labels: digits(6), gzip: true)
        try fixtures.writePair(baseName: "t10k", rows: 3, cols: 2, labels: digits(4, offset: 7), gzip: true)

        let split = try MNIST.load(directory: fixtures.directory, scale: .symmetric)

        XCTAssertEqual(split.description, "official split: 6 train / 4 test")
        XCTAssertEqual(split.train.labels, [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(split.test.labels, [7, 8, 9, 0])
        XCTAssertEqual(split.test.featureCount, 6)
        XCTAssertEqual(split.train.pixels,
                       PixelScale.symmetric.values(IDXFixtures.patternPixels(count: 6, rows: 3, cols: 2)))
    }

    func testUncompressedFilesAreAccepted() throws {
        try fixtures.writePair(baseName: "train", rows: 2, cols: 2, labels: digits(5), gzip: false)
        try fixtures.writePair(baseName: "t10k", rows: 2, cols: 2, labels: digits(3), gzip: false)
        XCTAssertEqual(try MNIST.load(directory: fixtures.directory, scale: .unit).description,
                       "official split: 5 train / 3 test")
    }

    func testDataRootWithAnMnistSubfolderIsAccepted() throws {
        let root = fixtures.directory
        let mnistFixtures = try IDXFixtures()
        defer { mnistFixtures.removeAll() }
        try mnistFixtures.writePair(baseName: "train", rows: 2, cols: 2, labels: digits(5), gzip: true)
        try mnistFixtures.writePair(baseName: "t10k", rows: 2, cols: 2, labels: digits(3), gzip: true)
        try FileManager.default.moveItem(at: mnistFixtures.directory, to: DataDirectory.mnist(in: root))

        XCTAssertEqual(try MNIST.load(directory: root, scale: .unit).train.count, 5)
    }

    func testEmptyDirectoryErrorNamesTheDirectoryAndHowToFetchTheData() throws {
        let error = assertThrowsDataError(try MNIST.load(directory: fixtures.directory, scale: .unit))
        let mnistFolder = DataDirectory.mnist(in: fixtures.directory).path
        XCTAssertEqual(error, .noDataset(directory: mnistFolder))
        XCTAssertTrue(message(error).contains(mnistFolder), message(error))
        XCTAssertTrue(message(error).contains("make data"), message(error))
        XCTAssertTrue(message(error).contains("AAE_DATA_DIR"), message(error))
    }

    func testMissingLabelsFileIsNamedWithTheFix() throws {
        try fixtures.writePair(baseName: "t10k", rows: 2, cols: 2, labels: digits(3), gzip: true)
        let labelsURL = fixtures.directory.appendingPathComponent("t10k-labels-idx1-ubyte.gz")
        try FileManager.default.removeItem(at: labelsURL)

        let error = assertThrowsDataError(try MNIST.load(directory: fixtures.directory, scale: .unit))

        XCTAssertEqual(error, .missingFile(path: labelsURL.path))
        XCTAssertTrue(message(error).contains(labelsURL.path), message(error))
        XCTAssertTrue(message(error).contains("make data"), message(error))
    }

    func testHalfATrainingPairIsAnErrorRatherThanASilentFallback() throws {
        try fixtures.writePair(baseName: "t10k", rows: 2, cols: 2, labels: digits(10_000), gzip: true)
        try fixtures.writeGzip(IDXFixtures.labelsBytes(digits(4)), named: "train-labels-idx1-ubyte.gz")

        let error = assertThrowsDataError(try MNIST.load(directory: fixtures.directory, scale: .unit))

        XCTAssertEqual(error?.path, fixtures.directory.appendingPathComponent("train-images-idx3-ubyte.gz").path)
    }

    func testLabelCountMustMatchImageCount() throws {
        let images = IDXFixtures.imagesBytes(count: 4, rows: 2, cols: 2,
                                             pixels: IDXFixtures.patternPixels(count: 4, rows: 2, cols: 2))
        let imagesURL = try fixtures.writeGzip(images, named: "t10k-images-idx3-ubyte.gz")
        let labelsURL = try fixtures.writeGzip(IDXFixtures.labelsBytes(digits(3)), named: "t10k-labels-idx1-ubyte.gz")

        let error = assertThrowsDataError(try MNIST.load(directory: fixtures.directory, scale: .unit))

        XCTAssertEqual(error?.path, labelsURL.path)
        XCTAssertTrue(message(error).contains("has 3 labels but \(imagesURL.path) has 4 images"), message(error))
    }

    func testLabelsAboveNineAreRejected() throws {
        try fixtures.writePair(baseName: "t10k", rows: 2, cols: 2, labels: [1, 2, 12, 3], gzip: true)
        let error = assertThrowsDataError(try MNIST.load(directory: fixtures.directory, scale: .unit))
        XCTAssertTrue(message(error).contains("t10k-labels-idx1-ubyte.gz"), message(error))
        XCTAssertTrue(message(error).contains("label 12 at index 2"), message(error))
    }

    func testTrainingAndTestImagesMustShareTheirSize() throws {
        try fixtures.writePair(baseName: "train", rows: 2, cols: 2, labels: digits(5), gzip: true)
        try fixtures.writePair(baseName: "t10k", rows: 3, cols: 3, labels: digits(3), gzip: true)
        let error = assertThrowsDataError(try MNIST.load(directory: fixtures.directory, scale: .unit))
        XCTAssertTrue(message(error).contains("2×2 but test images are 3×3"), message(error))
    }

    func testTheTrainingLabelsAreThoseOfTheSplitALoadGives() throws {
        XCTAssertNil(MNIST.trainingLabels(directory: fixtures.directory))
        let test = digits(10_000, offset: 3)
        try fixtures.writePair(baseName: "t10k", rows: 2, cols: 2, labels: test, gzip: true)
        XCTAssertEqual(MNIST.trainingLabels(directory: fixtures.directory), Array(test[..<8_000]))
        try fixtures.writePair(baseName: "train", rows: 2, cols: 2, labels: digits(6, offset: 1), gzip: false)
        XCTAssertEqual(MNIST.trainingLabels(directory: fixtures.directory), digits(6, offset: 1))
    }
}
