/// A set of equally sized grey-level images with one class label each, ready for training.
///
/// Pixels are stored flat and row-major (`count × featureCount`) so a batch is a contiguous
/// range that can be handed to BLAS without copying image by image.
public struct LabeledImages: Sendable {
    public let count: Int
    public let rows: Int
    public let cols: Int
    /// `count × rows·cols` values, image after image, each row-major.
    public var pixels: [Float]
    /// One class label per image.
    public var labels: [Int32]
    /// What the labels stand for, for figures.
    public var classNames = ClassNames.digits

    /// Values per image: `rows × cols`.
    public var featureCount: Int { rows * cols }

    public init(count: Int, rows: Int, cols: Int, pixels: [Float], labels: [Int32]) {
        precondition(count >= 0 && rows >= 0 && cols >= 0, "LabeledImages dimensions must be non-negative")
        precondition(pixels.count == count * rows * cols,
                     "LabeledImages needs \(count * rows * cols) pixels, got \(pixels.count)")
        precondition(labels.count == count, "LabeledImages needs \(count) labels, got \(labels.count)")
        self.count = count
        self.rows = rows
        self.cols = cols
        self.pixels = pixels
        self.labels = labels
    }

    /// Pairs raw IDX images with their labels, scaling the grey levels.
    public init(images: IDXImages, labels: IDXLabels, scale: PixelScale) {
        self.init(count: images.count, rows: images.rows, cols: images.cols,
                  pixels: scale.values(images.pixels), labels: labels.labels.map(Int32.init))
    }

    /// The images at positions `range`, in order.
    public func slice(_ range: Range<Int>) -> LabeledImages {
        precondition(range.lowerBound >= 0 && range.upperBound <= count,
                     "slice \(range) is outside 0..<\(count)")
        let features = featureCount
        var slice = LabeledImages(count: range.count, rows: rows, cols: cols,
                                  pixels: Array(pixels[range.lowerBound * features..<range.upperBound * features]),
                                  labels: Array(labels[range]))
        slice.classNames = classNames
        return slice
    }

    /// The images whose label is in `keptLabels`, in their original order.
    public func filtered(labels keptLabels: Set<Int>) -> LabeledImages {
        let features = featureCount
        var keptPixels: [Float] = []
        var kept: [Int32] = []
        for (index, label) in labels.enumerated() where keptLabels.contains(Int(label)) {
            keptPixels.append(contentsOf: pixels[index * features..<(index + 1) * features])
            kept.append(label)
        }
        var filtered = LabeledImages(count: kept.count, rows: rows, cols: cols, pixels: keptPixels, labels: kept)
        filtered.classNames = classNames
        return filtered
    }
}
