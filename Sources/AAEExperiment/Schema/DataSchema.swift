import AAECore
import AAEReport
import Foundation

/// The `data` section: which dataset, how its examples are selected, and
/// what is known of it before loading (example size, training-set size).
extension DataSpec {
    static let `default` = DataSpec(dataset: "mnist", scale: .unit, trainSize: nil, testSize: nil)
    /// The datasets of images read from files (those aae-run finds, then `idx`); the others are synthetic.
    static var imageDatasets: [String] { FileDatasetRegistry.names + ["idx"] }
    static var datasets: [String] { imageDatasets + SyntheticDatasetRegistry.names }
    /// The keys every dataset takes.
    static let selectionKeys = ["dataset", "scale", "train_size", "train_fraction", "test_size", "test_fraction", "labels"]
    /// The keys of the `idx` dataset's files.
    static let fileKeys = ["train", "test"]
    static var keys: [String] { selectionKeys + fileKeys + SyntheticDatasetRegistry.parameterNames }

    /// The synthetic set's definition; nil for an image dataset.
    var synthetic: SyntheticDatasetDefinition? { SyntheticDatasetRegistry.definition(dataset) }

    /// The data set of files aae-run finds by itself (MNIST, Fashion-MNIST); nil for `idx` and synthetic sets.
    var fileDataset: (any FileDataset.Type)? { FileDatasetRegistry.dataset(dataset) }

    /// The number of labels, `0..<classCount`.
    var classCount: Int { synthetic?.classCount(parameters) ?? NetworkSizes.classCount }

    /// The height and width of the images, known before loading: from the headers
    /// for `idx`, the data set's own for MNIST and Fashion-MNIST (28×28); nil for a
    /// synthetic set, whose examples are points.
    var imageSize: (rows: Int, cols: Int)? {
        if synthetic != nil { return nil }
        if let files { return (files.rows, files.cols) }
        return (fileDataset ?? MNIST.self).imageSize
    }

    /// The number of features of one example: rows × cols of the images (784 for
    /// MNIST and Fashion-MNIST), the point size for a synthetic set.
    var inputFeatures: Int {
        if let synthetic { return synthetic.featureCount(parameters) }
        guard let size = imageSize else { return 0 }
        return size.rows * size.cols
    }

    /// The shape of one image (`28×28×1` for MNIST, rows × cols × 1 for `idx`),
    /// nil for a synthetic set of points.
    var imageShape: FeatureShape? {
        imageSize.map { .map(height: $0.rows, width: $0.cols, channels: 1) }
    }

    /// The number of training examples a run will use, when it is known without
    /// loading: always for a synthetic set, for `idx` without a label subset.
    var knownTrainCount: Int? {
        let available: Int
        if let synthetic, let count = parameters["count"] {
            let perLabel = SyntheticLabels.counts(examples: Int(count), classes: synthetic.classCount(parameters))
            available = labels.map { $0.reduce(0) { $0 + perLabel[$1] } } ?? Int(count)
        } else if let files, labels == nil {
            available = files.trainCount
        } else {
            return nil
        }
        return Self.kept(of: available, fraction: trainFraction, size: trainSize)
    }

    /// How many of `available` examples a selection keeps: the first `fraction`
    /// of them (rounded, at least one), else all; then at most `size`.
    static func kept(of available: Int, fraction: Double?, size: Int?) -> Int {
        var kept = available
        if let fraction { kept = min(available, max(1, Int((fraction * Double(available)).rounded()))) }
        if let size { kept = min(kept, size) }
        return kept
    }

    static func read(_ node: ConfigNode) -> DataSpec? {
        guard let fields = node.fields(keys) else { return nil }
        guard let dataset = fields["dataset"].map({ $0.string(oneOf: datasets) }) ?? "mnist" else { return nil }
        let synthetic = SyntheticDatasetRegistry.definition(dataset)
        var spec = DataSpec(dataset: dataset, scale: .unit, trainSize: nil, testSize: nil)
        if synthetic == nil {
            spec.scale = fields.optional("scale", PixelScale.unit) { readScale($0) }
        } else {
            fields["scale"]?.error("`scale` maps grey levels and applies to the image datasets (\(imageDatasets.joined(separator: ", "))), not to `\(dataset)`")
        }
        spec.trainSize = fields["train_size"].flatMap { $0.int(in: 1...Int.max) }
        spec.testSize = fields["test_size"].flatMap { $0.int(in: 1...Int.max) }
        spec.trainFraction = readFraction(fields, "train")
        spec.testFraction = readFraction(fields, "test")
        if let synthetic {
            spec.parameters = fields.hyperparameters(synthetic.parameters, of: dataset,
                                                     ignoring: selectionKeys + fileKeys)
            for name in synthetic.wholeNumbers {
                if let value = spec.parameters[name], value != value.rounded() {
                    fields[name]?.error("expected a whole number, found \(value.formatted)")
                }
            }
        } else {
            for name in SyntheticDatasetRegistry.parameterNames {
                fields[name]?.error("`\(name)` is a setting of the synthetic datasets "
                                    + "(\(SyntheticDatasetRegistry.names.joined(separator: ", "))), not of `\(dataset)`")
            }
        }
        var filesAreReadable = true
        if dataset == "idx" {
            spec.files = readFiles(fields)
            filesAreReadable = spec.files != nil
        } else {
            for key in fileKeys {
                fields[key]?.error("`\(key)` names the files of the `idx` dataset; dataset is `\(dataset)`")
            }
        }
        let classes = spec.classCount
        spec.labels = fields["labels"].flatMap { readLabels($0, classes: classes, dataset: dataset) }
        return filesAreReadable ? spec : nil
    }

    /// `PREFIX_fraction`, which excludes `PREFIX_size`.
    private static func readFraction(_ fields: Fields, _ prefix: String) -> Double? {
        guard let node = fields["\(prefix)_fraction"] else { return nil }
        if fields["\(prefix)_size"] != nil {
            node.error("give either `\(prefix)_size` or `\(prefix)_fraction`, not both")
        }
        return node.double(in: 0...1, excludingLower: true)
    }

    private static func readScale(_ node: ConfigNode) -> PixelScale? {
        let bounds = node.list()?.compactMap { $0.double() }
        switch bounds {
        case [0, 1]?: return .unit
        case [-1, 1]?: return .symmetric
        case nil: return nil
        default:
            node.error("expected [0, 1] or [-1, 1], found \(node.found)")
            return nil
        }
    }

    /// A non-empty list of distinct labels of the dataset.
    private static func readLabels(_ node: ConfigNode, classes: Int, dataset: String) -> [Int]? {
        guard let elements = node.list() else { return nil }
        guard !elements.isEmpty else {
            node.error("expected a non-empty list of labels")
            return nil
        }
        var labels: [Int] = []
        for element in elements {
            guard let label = element.int() else { continue }
            if !(0..<classes).contains(label) {
                element.error("`\(dataset)` has labels 0…\(classes - 1), found \(label)")
            } else if labels.contains(label) {
                element.error("label \(label) is listed twice")
            } else {
                labels.append(label)
            }
        }
        return labels.count == elements.count ? labels : nil
    }
}

/// Reading the `idx` dataset's `train` and `test` file pairs, headers only.
extension DataSpec {
    /// An images file and a labels file, with their headers.
    private struct FilePair {
        let images: String
        let labels: String
        let imagesHeader: IDXHeader
    }

    private static func readFiles(_ fields: Fields) -> IDXDataFiles? {
        let train = fields.required("train", readPair)
        let test = fields.required("test", readPair)
        guard let train, let test else { return nil }
        let trainShape = Array(train.imagesHeader.dimensions.dropFirst())
        let testShape = Array(test.imagesHeader.dimensions.dropFirst())
        guard trainShape == testShape else {
            fields["test"]?.lookup("images")?.error(
                "the held-out images are \(testShape.map(String.init).joined(separator: "×")) but the training images are "
                    + "\(trainShape.map(String.init).joined(separator: "×"))")
            return nil
        }
        return IDXDataFiles(trainImages: train.images, trainLabels: train.labels, testImages: test.images,
                            testLabels: test.labels, rows: trainShape[0], cols: trainShape[1],
                            trainCount: train.imagesHeader.count, testCount: test.imagesHeader.count)
    }

    private static func readPair(_ node: ConfigNode) -> FilePair? {
        guard let fields = node.fields(["images", "labels"]) else { return nil }
        let images = fields.required("images") { readHeader($0, IDXHeader.readImages) }
        let labels = fields.required("labels") { readHeader($0, IDXHeader.readLabels) }
        guard let images, let labels else { return nil }
        let (imageCount, labelCount) = (images.header.count, labels.header.count)
        guard imageCount == labelCount else {
            fields["labels"]?.error("the file has \(labelCount) labels but the images file has \(imageCount) images")
            return nil
        }
        guard imageCount > 0, images.header.dimensions[1] > 0, images.header.dimensions[2] > 0 else {
            fields["images"]?.error("the file holds no pixels (header \(images.header.dimensions.map(String.init).joined(separator: "×")))")
            return nil
        }
        return FilePair(images: images.path, labels: labels.path, imagesHeader: images.header)
    }

    /// The header of the file a path names; a missing or invalid file is reported at the path.
    private static func readHeader(_ node: ConfigNode, _ read: (URL) throws -> IDXHeader) -> (path: String, header: IDXHeader)? {
        guard let written = node.string() else { return nil }
        let path = resolvedPath(written, at: node)
        do {
            return (path, try read(URL(fileURLWithPath: path)))
        } catch DataError.missingFile {
            node.error("no such file: \(path)")
        } catch {
            node.error(FileErrorMessage.describe(error, path: path))
        }
        return nil
    }

    /// `written` as an absolute path: a relative path is taken from the folder
    /// of the experiment file it was written in (a file that is extended, perhaps).
    private static func resolvedPath(_ written: String, at node: ConfigNode) -> String {
        let expanded = (written as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardized.path }
        let file = node.log.sources.locate(line: node.node.mark?.line ?? 0).file
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        return folder.appendingPathComponent(expanded).standardized.path
    }
}

extension ExperimentSchema {
    /// A batch must fit in the training set; checked here when the set's size is
    /// known before loading (synthetic sets, `idx`), else when the run starts.
    static func checkBatchSize(_ training: TrainingSpec, against data: DataSpec, fields: Fields) {
        guard let count = data.knownTrainCount, training.batchSize > count,
              let node = fields["training"]?.lookup("batch_size") ?? fields["data"] else { return }
        node.error("a batch of \(training.batchSize) examples is larger than the training set "
                   + "(\(count) examples of `\(data.dataset)`)")
    }
}
