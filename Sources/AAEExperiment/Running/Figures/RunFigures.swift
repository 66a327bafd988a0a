import AAECore
import AAEReport
import Foundation

/// Every figure of a finished run, written side by side with its metrics.csv.
///
/// Each figure is its own type (`LatentScatterFigure`, `ManifoldFigure`,
/// `ReconstructionsFigure`, `SamplesFigure`, `StyleFigure`, `LossesFigure`) and decides
/// by itself whether it applies to the model. All randomness comes from the generator
/// passed in, and the figures consume it in a fixed order, so the same model, data and
/// seed give byte-identical PNG files.
public enum RunFigures {
    /// Figures built from held-out codes use at most this many held-out images.
    public static let heldOutLimit = 2_000
    /// The least size of the longer side of an image grid, in pixels: small images
    /// (8 × 8 digits) are enlarged to it so that their figures stay readable.
    static let minimumGridSize: Double = 480

    /// The figures' files, in the order `writeAll` draws them.
    public static let fileNames = [LossesFigure.fileName, LatentScatterFigure.fileName, ManifoldFigure.fileName,
                                   ReconstructionsFigure.fileName, SamplesFigure.fileName, StyleFigure.fileName]

    /// The figures drawn as images of examples, which need examples that are
    /// images: they are skipped for points (`rows` 1, the synthetic sets).
    public static let imageFigures: Set<String> = [ManifoldFigure.fileName, ReconstructionsFigure.fileName,
                                                   SamplesFigure.fileName, StyleFigure.fileName]

    /// Writes every figure of `plots` (names without `.png`, as in `report.plots`) that
    /// applies to `model` into `directory` and returns the files written, in this order:
    /// losses, latent scatter, manifold, reconstructions, samples, style. `title` (the
    /// experiment's name) starts every figure's title; `metrics` is the run's metrics
    /// table; `scale` is the pixel scale of `test` and of the decoder; `options` are the
    /// report's drawing options. When `options.shouldStop()` turns true the remaining
    /// figures are not drawn (it is checked before each).
    @discardableResult
    public static func writeAll(model: TrainableModel, test: LabeledImages, scale: PixelScale, metrics: CSVTable,
                                directory: URL, title: String, random: inout RandomGenerator,
                                plots: Set<String> = Set(ReportSpec.plotNames),
                                options: FigureOptions = .default) throws -> [URL] {
        precondition(test.count == 0 || test.featureCount == model.inputFeatures,
                     "images of \(test.featureCount) pixels for a model of \(model.inputFeatures) inputs")
        var written: [URL] = []
        func record(_ name: String, _ write: (URL) throws -> Bool) throws {
            guard !options.shouldStop(), plots.contains(String(name.dropLast(".png".count))),
                  test.rows > 1 || !imageFigures.contains(name) else { return }
            let url = directory.appendingPathComponent(name)
            if try write(url) { written.append(url) }
        }
        try record(LossesFigure.fileName) { try LossesFigure.write(metrics: metrics, title: title, to: $0) }
        try record(LatentScatterFigure.fileName) {
            try LatentScatterFigure.write(model: model, test: test, title: title, random: &random, options: options,
                                          to: $0)
        }
        try record(ManifoldFigure.fileName) {
            try ManifoldFigure.write(model: model, test: test, scale: scale, title: title, grid: options.manifold,
                                     to: $0)
        }
        try record(ReconstructionsFigure.fileName) {
            try ReconstructionsFigure.write(model: model, test: test, scale: scale, title: title, to: $0)
        }
        try record(SamplesFigure.fileName) {
            try SamplesFigure.write(model: model, test: test, scale: scale, title: title, random: &random, to: $0)
        }
        try record(StyleFigure.fileName) {
            try StyleFigure.write(model: model, test: test, scale: scale, title: title, random: &random, to: $0)
        }
        return written
    }

    /// A figure title: "`title`: `subject`", or the subject alone when `title` is empty.
    static func heading(_ title: String, _ subject: String) -> String {
        title.isEmpty ? subject : "\(title): \(subject)"
    }
}
