import AAECore
import AAEReport
import Foundation

/// `samples.png`: the decoder's images for 100 samples of the prior, the model seen as a
/// generator (the paper's Fig. 3 and 4).
///
/// For a decoder that also reads a label, column `j` is decoded with label `j`, so each
/// column shows one digit in ten styles. Skipped for models without a prior.
public enum SamplesFigure {
    /// Rows and columns of the square grid.
    public static let side = 10

    /// Writes the figure to `url` with prior samples from `random`; nothing (returning
    /// false) when the model has no prior of its code's size.
    @discardableResult
    public static func write(model: TrainableModel, test: LabeledImages, scale: PixelScale, title: String,
                             random: inout RandomGenerator, to url: URL) throws -> Bool {
        guard let prior = model.prior, prior.dimension == model.latentDimension, model.latentDimension > 0
        else { return false }
        let count = side * side
        let codes = prior.samples(rows: count, random: &random)
        let labelled = model.decoderLabelCount > 0
        let labels = labelled ? (0..<count).map { Int32(($0 % side) % model.decoderLabelCount) } : nil
        let pixels = ModelImages.decoded(codes, labels: labels, model: model, scale: scale)
        var plot = ImageGridPlot(pixels: pixels, imageCount: count, imageHeight: test.rows, imageWidth: test.cols,
                                 rows: side, columns: side,
                                 title: RunFigures.heading(title, "decoded prior samples"),
                                 xTickValues: labelled ? (0..<side).map(Float.init) : nil,
                                 xTitle: labelled ? "\(test.classNames.axisTitle) label" : "", scale: labelled ? 3 : 2)
        plot.minimumGridSize = RunFigures.minimumGridSize
        try plot.write(to: url)
        return true
    }
}

extension SamplesFigure: RunFigure {
    public static let plotName = "samples"
    public static let drawsImages = true

    public static func draw(_ inputs: FigureInputs, random: inout RandomGenerator, to url: URL) throws -> Bool {
        try write(model: inputs.model, test: inputs.test, scale: inputs.scale, title: inputs.title,
                  random: &random, to: url)
    }
}
