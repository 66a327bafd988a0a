import AAECore
import Foundation
import XCTest

/// Where `dataset: fashion_mnist` finds its four files, the official split it gives, and the one line
/// a run without them prints.
final class FashionMNISTTests: XCTestCase {
    private var root: IDXFixtures!
    private var system: IDXFixtures!

    override func setUpWithError() throws {
        root = try IDXFixtures()
        system = try IDXFixtures()
    }

    override func tearDown() {
        root.removeAll()
        system.removeAll()
    }

    private func garments(_ count: Int, offset: Int = 0) -> [UInt8] {
        (0..<count).map { UInt8(($0 + offset) % 10) }
    }

    /// Writes the four files (`train` with `trainCount` images, `t10k` with 3) into `fixtures`' folder.
    private func writeFourFiles(_ fixtures: IDXFixtures, trainCount: Int = 5, gzip: Bool = true) throws {
        try fixtures.writePair(baseName: "train", rows: 2, cols: 3, labels: garments(trainCount), gzip: gzip)
        try fixtures.writePair(baseName: "t10k", rows: 2, cols: 3, labels: garments(3, offset: 8), gzip: gzip)
    }

    private func load(_ directory: URL) throws -> DataSplit {
        try FashionMNIST.load(directory: directory, systemFolder: system.directory, scale: .unit)
    }

    func testTheFashionMNISTFolderOfTheDataRootGivesTheOfficialSplitWithGarmentNames() throws {
        let folder = try IDXFixtures(directory: root.directory.appendingPathComponent("fashion-mnist"))
        try writeFourFiles(folder)
        try writeFourFiles(system, trainCount: 7)

        let split = try load(root.directory)

        XCTAssertEqual(split.description, "Fashion-MNIST official split: 5 train / 3 test (\(folder.directory.path))")
        XCTAssertEqual(split.train.labels, [0, 1, 2, 3, 4])
        XCTAssertEqual(split.test.labels, [8, 9, 0])
        XCTAssertEqual(split.train.featureCount, 6)
        XCTAssertEqual(split.train.pixels, PixelScale.unit.values(IDXFixtures.patternPixels(count: 5, rows: 2, cols: 3)))
        XCTAssertEqual(split.train.classNames, .fashionMNIST)
        XCTAssertEqual(split.test.classNames, .fashionMNIST)
        XCTAssertEqual(split.test.classNames.name(9), "Ankle boot")
    }

    func testADataDirectoryHoldingTheFilesItselfIsAcceptedUncompressed() throws {
        try writeFourFiles(root, gzip: false)
        XCTAssertEqual(try load(root.directory).description,
                       "Fashion-MNIST official split: 5 train / 3 test (\(root.directory.path))")
    }

    func testWithoutFilesInTheDataDirectoryThePackagesFolderIsRead() throws {
        try writeFourFiles(system, trainCount: 7)
        let split = try load(root.directory)
        XCTAssertEqual(split.train.count, 7)
    }

    func testNoFilesAnywhereSayInOneLineWhichPackageOrDataDirProvidesThem() throws {
        let error = assertThrowsDataError(try load(root.directory))
        let message = error.map(String.init(describing:)) ?? ""
        XCTAssertFalse(message.contains("\n"), message)
        XCTAssertTrue(message.hasPrefix("fashion_mnist: no files found in "), message)
        for folder in FashionMNIST.folders(directory: root.directory, systemFolder: system.directory) {
            XCTAssertTrue(message.contains(folder.path), message)
        }
        XCTAssertTrue(message.contains("install Debian's package dataset-fashion-mnist (`make data` does)"), message)
        XCTAssertTrue(message.contains("--data-dir DIR"), message)
        XCTAssertTrue(message.contains("train-images-idx3-ubyte.gz"), message)
    }

    func testAFolderMissingOneOfTheFourFilesNamesThatFile() throws {
        try writeFourFiles(root)
        let labels = root.directory.appendingPathComponent("train-labels-idx1-ubyte.gz")
        try FileManager.default.removeItem(at: labels)
        try writeFourFiles(system)
        XCTAssertEqual(assertThrowsDataError(try load(root.directory)), .missingFile(path: labels.path))
    }

    func testTheTrainingCountIsReadFromTheHeaderOfTheFolderThatWouldBeLoaded() throws {
        try writeFourFiles(root, trainCount: 9)
        XCTAssertEqual(FashionMNIST.trainingCount(directory: root.directory), 9)
        let empty = root.directory.appendingPathComponent("empty")
        let count = FashionMNIST.trainingCount(directory: empty)
        let installed = FileManager.default.fileExists(
            atPath: FashionMNIST.systemFolder.appendingPathComponent("train-images-idx3-ubyte.gz").path)
        XCTAssertEqual(count, installed ? FashionMNIST.largestSplit.train : nil)
    }

    func testTheTrainingLabelsAreReadFromTheFolderThatWouldBeLoaded() throws {
        try writeFourFiles(root, trainCount: 9)
        XCTAssertEqual(FashionMNIST.trainingLabels(directory: root.directory), garments(9))
    }
}
