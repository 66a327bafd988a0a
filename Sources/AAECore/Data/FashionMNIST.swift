import Foundation

/// Zalando's Fashion-MNIST (`dataset: fashion_mnist`): 28×28 grey images of ten garments, trained on the
/// official split of 60,000 training and 10,000 held-out images.
///
/// Its four IDX files carry MNIST's names (`train-images-idx3-ubyte.gz`, …) and may be gzip-compressed or
/// plain. They are looked for in the data root's `fashion-mnist/` folder, then in the data root itself,
/// then where Debian's package `dataset-fashion-mnist` installs them (`/usr/share/datasets/fashion-mnist`),
/// and read from the first of these folders that holds any of them. Unlike MNIST there is no
/// test-set-only fallback: the package always installs all four.
public enum FashionMNIST: FileDataset {
    public static let name = "fashion_mnist"
    public static let imageSize = (rows: 28, cols: 28)
    public static let largestSplit = (train: 60_000, test: 10_000)

    /// The Debian package that installs the files, named in the error when they are missing.
    public static let debianPackage = "dataset-fashion-mnist"
    /// Where `debianPackage` installs the files.
    public static let systemFolder = URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist", isDirectory: true)
    /// The folder below the data root that is looked in first.
    public static let subfolderName = "fashion-mnist"

    private static let fileNames = [MNIST.trainImagesName, MNIST.trainLabelsName, MNIST.testImagesName,
                                    MNIST.testLabelsName]

    public static func load(directory: URL, scale: PixelScale) throws -> DataSplit {
        try load(directory: directory, systemFolder: systemFolder, scale: scale)
    }

    /// The official split from the first folder of `folders(directory:systemFolder:)` that holds any file.
    public static func load(directory: URL, systemFolder: URL, scale: PixelScale) throws -> DataSplit {
        let candidates = folders(directory: directory, systemFolder: systemFolder)
        guard let folder = candidates.first(where: holdsAnyFile) else {
            throw DataError.datasetNotFound(
                dataset: name, folders: candidates.map(\.path),
                fix: "install Debian's package \(debianPackage) (`make data` does), or pass --data-dir DIR "
                    + "(or set \(DataDirectory.environmentVariable)) to a folder holding "
                    + fileNames.map { $0 + ".gz" }.joined(separator: ", "))
        }
        var train = try MNIST.loadPair(images: file(MNIST.trainImagesName, in: folder),
                                       labels: file(MNIST.trainLabelsName, in: folder), scale: scale)
        var test = try MNIST.loadPair(images: file(MNIST.testImagesName, in: folder),
                                      labels: file(MNIST.testLabelsName, in: folder), scale: scale)
        guard train.rows == test.rows, train.cols == test.cols else {
            throw DataError.invalidDataset(
                path: folder.path,
                problem: "training images are \(train.rows)×\(train.cols) but test images are \(test.rows)×\(test.cols)")
        }
        train.classNames = .fashionMNIST
        test.classNames = .fashionMNIST
        return DataSplit(train: train, test: test,
                         description: "Fashion-MNIST official split: \(train.count) train / \(test.count) test "
                             + "(\(folder.path))")
    }

    public static func trainingCount(directory: URL) -> Int? {
        guard let folder = folders(directory: directory, systemFolder: systemFolder).first(where: holdsAnyFile)
        else { return nil }
        return try? IDXHeader.readImages(file(MNIST.trainImagesName, in: folder)).count
    }

    public static func trainingLabels(directory: URL) -> [UInt8]? {
        guard let folder = folders(directory: directory, systemFolder: systemFolder).first(where: holdsAnyFile)
        else { return nil }
        return try? IDXFile.readLabels(file(MNIST.trainLabelsName, in: folder)).labels
    }

    /// The folders looked in, in order: `DIR/fashion-mnist`, `DIR`, the package's folder.
    public static func folders(directory: URL, systemFolder: URL) -> [URL] {
        [directory.appendingPathComponent(subfolderName, isDirectory: true), directory, systemFolder]
    }

    private static func holdsAnyFile(_ folder: URL) -> Bool {
        fileNames.contains { existingFile($0, in: folder) != nil }
    }

    /// The `.gz` or plain file called `baseName` in `folder`; the `.gz` path when neither exists,
    /// which loading then reports as missing.
    private static func file(_ baseName: String, in folder: URL) -> URL {
        existingFile(baseName, in: folder) ?? folder.appendingPathComponent(baseName + ".gz")
    }

    private static func existingFile(_ baseName: String, in folder: URL) -> URL? {
        [baseName + ".gz", baseName]
            .map { folder.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
