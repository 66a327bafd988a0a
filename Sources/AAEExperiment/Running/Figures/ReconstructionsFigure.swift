import AAECore
import AAEReport
import Foundation

/// `reconstructions.png`: held-out images above their reconstructions, two pairs of
/// rows with one column per digit 0–9, so each digit class is seen twice.
///
/// Columns take the first two held-out images of their digit; if some digit has fewer,
/// the columns are simply the first held-out images in order (and lose their digit
/// ticks). Pixels are mapped from the run's scale to `[0, 1]` before drawing.
public enum ReconstructionsFigure {
    /// Images per row of the figure.
    public static let columns = 10
    /// Original/reconstruction row pairs.
    public static let pairs = 2

    /// Writes the figure to `url`; nothing (returning false) when there are no held-out images.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, scale: PixelScale, title: String,
                             to url: URL) throws -> Bool {
        guard test.count > 0 else { return false }
        let (indices, byDigit) = chosenImages(test)
        let columnCount = min(columns, indices.count)
        let pairCount = indices.count / columnCount
        let kept = Array(indices.prefix(columnCount * pairCount))
        let features = test.featureCount
        let chosen = LabeledImages(count: kept.count, rows: test.rows, cols: test.cols,
                                   pixels: kept.flatMap { test.pixels[$0 * features..<($0 + 1) * features] },
                                   labels: kept.map { test.labels[$0] })
        let originals = chosen.pixels.map(scale.unitInterval)
        let reconstructions = ModelImages.reconstructed(chosen, model: model, scale: scale)

        var pixels: [Float] = []
        for pair in 0..<pairCount {
            let rowRange = pair * columnCount * features..<(pair + 1) * columnCount * features
            pixels += originals[rowRange]
            pixels += reconstructions[rowRange]
        }
        var plot = ImageGridPlot(pixels: pixels, imageCount: 2 * kept.count, imageHeight: test.rows,
                                 imageWidth: test.cols, rows: 2 * pairCount, columns: columnCount,
                                 title: RunFigures.heading(title, "held-out reconstructions"),
                                 rowLabels: (0..<pairCount).flatMap { _ in ["original", "reconstruction"] },
                                 xTickValues: byDigit ? (0..<columnCount).map(Float.init) : nil,
                                 xTitle: byDigit ? test.classNames.axisTitle : "", scale: 3)
        plot.minimumGridSize = RunFigures.minimumGridSize
        try plot.write(to: url)
        return true
    }

    /// The indices of the images to show, row-major over pairs of rows, and whether column
    /// `j` holds digit `j` throughout.
    static func chosenImages(_ test: LabeledImages) -> (indices: [Int], byDigit: Bool) {
        var perDigit = [[Int]](repeating: [], count: columns)
        for (index, label) in test.labels.enumerated() where label >= 0 && Int(label) < columns {
            if perDigit[Int(label)].count < pairs { perDigit[Int(label)].append(index) }
        }
        if perDigit.allSatisfy({ $0.count == pairs }) {
            return ((0..<pairs).flatMap { pair in perDigit.map { $0[pair] } }, true)
        }
        return (Array(0..<min(test.count, columns * pairs)), false)
    }
}

extension ReconstructionsFigure: RunFigure {
    public static let plotName = "reconstructions"
    public static let drawsImages = true

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(model: inputs.model, test: inputs.test, scale: inputs.scale, title: inputs.title, to: url)
    }
}
