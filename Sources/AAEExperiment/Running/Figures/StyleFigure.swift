import AAECore
import AAEReport
import Foundation

/// `style.png`, for decoders that read a label beside the code (the supervised AAE): one
/// row per style code, one column per digit label 0–9, so the code is seen to carry
/// style (slant, width, stroke) and the label the digit (the paper's Fig. 6).
///
/// Style codes are prior samples; for a model without a prior, the codes of the first
/// held-out images stand in.
public enum StyleFigure {
    /// The number of style codes (rows).
    public static let styleCount = 10
    /// The number of digit labels (columns).
    public static let digitCount = 10

    /// Writes the figure to `url` with style codes drawn from `random`; nothing (returning
    /// false) when the decoder reads no label, or when there is neither a prior nor a
    /// held-out image to take style codes from.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, scale: PixelScale, title: String,
                             random: inout RandomGenerator, to url: URL) throws -> Bool {
        guard model.decoderLabelCount > 0, model.latentDimension > 0 else { return false }
        let dimension = model.latentDimension
        let styles: [Float]
        let source: String
        if let prior = model.prior, prior.dimension == dimension {
            styles = prior.samples(rows: styleCount, random: &random)
            source = "prior sample"
        } else if test.count > 0 {
            styles = ModelImages.codes(of: test.slice(0..<min(styleCount, test.count)), model: model)
            source = "held-out code"
        } else {
            return false
        }
        let rows = styles.count / dimension
        let columns = min(digitCount, model.decoderLabelCount)
        let codes = (0..<rows).flatMap { row in
            (0..<columns).flatMap { _ in styles[row * dimension..<(row + 1) * dimension] }
        }
        let labels = (0..<rows).flatMap { _ in (0..<columns).map(Int32.init) }
        let pixels = ModelImages.decoded(codes, labels: labels, model: model, scale: scale)
        var plot = ImageGridPlot(pixels: pixels, imageCount: rows * columns, imageHeight: test.rows,
                                 imageWidth: test.cols, rows: rows, columns: columns,
                                 title: RunFigures.heading(title, "style codes × \(test.classNames.axisTitle) labels"),
                                 rowLabels: (1...rows).map { "style \($0)" },
                                 xTickValues: (0..<columns).map(Float.init),
                                 xTitle: "\(test.classNames.axisTitle) label", yTitle: "style code (\(source))", scale: 3)
        plot.minimumGridSize = RunFigures.minimumGridSize
        try plot.write(to: url)
        return true
    }
}

extension StyleFigure: RunFigure {
    public static let plotName = "style"
    public static let drawsImages = true

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(model: inputs.model, test: inputs.test, scale: inputs.scale, title: inputs.title,
                  random: &random, to: url)
    }
}
