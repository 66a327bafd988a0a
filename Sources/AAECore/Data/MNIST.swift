import Foundation

/// Loads MNIST from IDX files and splits it into training and held-out sets.
///
/// With all four official files present it uses the official 60,000 / 10,000 split. With only
/// the 10,000-image test set (`t10k-*`) it trains on the first 8,000 of those images and holds
/// out the last 2,000, so the tool still runs where the training files cannot be downloaded.
/// Every file may be gzip-compressed (`.gz`) or plain.
public enum MNIST: FileDataset {
    public static let name = "mnist"
    public static let imageSize = (rows: 28, cols: 28)
    public static let largestSplit = (train: 60_000, test: testSetCount)

    public static let trainImagesName = "train-images-idx3-ubyte"
    public static let trainLabelsName = "train-labels-idx1-ubyte"
    public static let testImagesName = "t10k-images-idx3-ubyte"
    public static let testLabelsName = "t10k-labels-idx1-ubyte"

    /// Number of images in the official test set, which the test-only split requires.
    public static let testSetCount = 10_000
    /// Images from the start of the test set used for training when the training files are absent.
    public static let testOnlyTrainCount = 8_000
    /// Images from the end of the test set held out for evaluation when the training files are absent.
    public static let testOnlyHeldOutCount = 2_000

    /// Loads the split found in `directory`: the folder holding the files, or a data root
    /// whose `mnist/` subfolder holds them (see `DataDirectory`).
    public static func load(directory: URL, scale: PixelScale) throws -> DataSplit {
        let folder = filesFolder(for: directory)
        let trainImages = existingFile(trainImagesName, in: folder)
        let trainLabels = existingFile(trainLabelsName, in: folder)
        let testImages = existingFile(testImagesName, in: folder)
        let testLabels = existingFile(testLabelsName, in: folder)

        if [trainImages, trainLabels, testImages, testLabels].allSatisfy({ $0 == nil }) {
            throw DataError.noDataset(directory: folder.path)
        }
        let test = try loadPair(images: testImages ?? expectedFile(testImagesName, in: folder),
                                labels: testLabels ?? expectedFile(testLabelsName, in: folder),
                                scale: scale)
        if trainImages == nil && trainLabels == nil {
            return try testOnlySplit(test, imagesPath: testImages!.path)
        }
        let train = try loadPair(images: trainImages ?? expectedFile(trainImagesName, in: folder),
                                 labels: trainLabels ?? expectedFile(trainLabelsName, in: folder),
                                 scale: scale)
        guard train.rows == test.rows, train.cols == test.cols else {
            throw DataError.invalidDataset(
                path: folder.path,
                problem: "training images are \(train.rows)×\(train.cols) but test images are \(test.rows)×\(test.cols)")
        }
        return DataSplit(train: train, test: test,
                         description: "official split: \(train.count) train / \(test.count) test")
    }

    /// The number of training examples `load(directory:)` would give, from the
    /// files' headers alone: the official training set's count, or
    /// `testOnlyTrainCount` for the test set alone; nil when the files are
    /// missing or unreadable (loading them reports why).
    public static func trainingCount(directory: URL) -> Int? {
        let folder = filesFolder(for: directory)
        if let trainImages = existingFile(trainImagesName, in: folder) {
            return try? IDXHeader.readImages(trainImages).count
        }
        guard let testImages = existingFile(testImagesName, in: folder),
              (try? IDXHeader.readImages(testImages).count) == testSetCount else { return nil }
        return testOnlyTrainCount
    }

    /// The labels of the training set `load(directory:)` would give: the official
    /// training labels, or the first `testOnlyTrainCount` of the test set's alone.
    public static func trainingLabels(directory: URL) -> [UInt8]? {
        let folder = filesFolder(for: directory)
        if existingFile(trainImagesName, in: folder) != nil || existingFile(trainLabelsName, in: folder) != nil {
            return existingFile(trainLabelsName, in: folder).flatMap { try? IDXFile.readLabels($0).labels }
        }
        guard let testLabels = existingFile(testLabelsName, in: folder),
              let labels = try? IDXFile.readLabels(testLabels).labels, labels.count == testSetCount else { return nil }
        return Array(labels.prefix(testOnlyTrainCount))
    }

    /// Reads one images/labels pair and checks that they belong together.
    public static func loadPair(images imagesURL: URL, labels labelsURL: URL,
                                scale: PixelScale) throws -> LabeledImages {
        let images = try IDXFile.readImages(imagesURL)
        let labels = try IDXFile.readLabels(labelsURL)
        guard labels.count == images.count else {
            throw DataError.invalidDataset(
                path: labelsURL.path,
                problem: "has \(labels.count) labels but \(imagesURL.path) has \(images.count) images")
        }
        if let index = labels.labels.firstIndex(where: { $0 > 9 }) {
            throw DataError.invalidDataset(
                path: labelsURL.path,
                problem: "label \(labels.labels[index]) at index \(index) is outside 0...9")
        }
        return LabeledImages(images: images, labels: labels, scale: scale)
    }

    private static func testOnlySplit(_ testSet: LabeledImages, imagesPath: String) throws -> DataSplit {
        guard testSet.count == testSetCount else {
            throw DataError.invalidDataset(
                path: imagesPath,
                problem: "expected the \(testSetCount)-image MNIST test set, found \(testSet.count) images "
                    + "(without the training files, the first \(testOnlyTrainCount) train and the last "
                    + "\(testOnlyHeldOutCount) are held out)")
        }
        return DataSplit(
            train: testSet.slice(0..<testOnlyTrainCount),
            test: testSet.slice(testSetCount - testOnlyHeldOutCount..<testSetCount),
            description: "MNIST test set only: first \(testOnlyTrainCount) train / "
                + "last \(testOnlyHeldOutCount) held out (t10k)")
    }

    /// `directory` itself if it holds any MNIST file, else its `mnist/` subfolder.
    private static func filesFolder(for directory: URL) -> URL {
        let names = [trainImagesName, trainLabelsName, testImagesName, testLabelsName]
        if names.contains(where: { existingFile($0, in: directory) != nil }) {
            return directory
        }
        return DataDirectory.mnist(in: directory)
    }

    /// The `.gz` or plain file called `baseName` in `folder`, if either exists.
    private static func existingFile(_ baseName: String, in folder: URL) -> URL? {
        [baseName + ".gz", baseName]
            .map { folder.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The path reported as missing when neither form of `baseName` exists.
    private static func expectedFile(_ baseName: String, in folder: URL) -> URL {
        folder.appendingPathComponent(baseName + ".gz")
    }
}
